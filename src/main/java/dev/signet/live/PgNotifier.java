package dev.signet.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.agroal.api.AgroalDataSource;

/** Sends one {@code NOTIFY} on a pooled connection (auto-commit: delivered at once). */
@ApplicationScoped
class PgNotifier {

    private final AgroalDataSource dataSource;

    PgNotifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection the pool handed out dead is replaced by the retry. */
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    void send(String channel, String payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            throw new LiveTransportException("NOTIFY failed", e);
        }
    }
}
