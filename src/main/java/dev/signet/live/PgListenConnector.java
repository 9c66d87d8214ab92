package dev.signet.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Opens the one connection a replica listens on, outside the pool (it is held for the life of the process, and the
 * pool's size stays what it was configured to be). Retried until it succeeds: 0.5 s, 1 s, 2 s … at most 30 s apart,
 * so a database that is down for a while is not hammered and one that is back is listened to within 30 s.
 */
@ApplicationScoped
class PgListenConnector {

    /** How the listening connection names itself in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "signet-live";
    private static final Logger LOG = Logger.getLogger(PgListenConnector.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    PgListenConnector(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Retry(maxRetries = -1, delay = 500, jitter = 250, maxDuration = 0, abortOn = IllegalArgumentException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    Connection open(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("signet.live.channel must be a lower-case SQL name: " + channel);
        }
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        try {
            // The driver itself rather than DriverManager, which may not see it from the application's class loader.
            Connection connection = new Driver().connect(url, properties);
            if (connection == null) {
                throw new IllegalArgumentException("not a PostgreSQL URL: the live listener needs PostgreSQL");
            }
            try (Statement listen = connection.createStatement()) {
                connection.setAutoCommit(true);
                listen.execute("listen " + channel); // checked against CHANNEL above: a plain identifier
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            LOG.warnf("live listener can't listen on %s yet (%s); retrying", channel, e.getMessage());
            throw new LiveTransportException("can't listen on " + channel, e);
        }
    }
}
