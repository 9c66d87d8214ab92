package dev.signet.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure the test database exists on the real PostgreSQL (127.0.0.1:5432, user postgres, trust auth)
 * before Quarkus starts, so that the README's test command works on a fresh machine without manual setup.
 * The database name is taken from {@code -Dquarkus.datasource.jdbc.url} when given, else {@code signet_test}.
 * Flyway cleans and migrates it at start (see the %test keys in application.properties).
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/signet_test";

    @Override
    public Map<String, String> start() {
        ensureExists(System.getProperty("quarkus.datasource.jdbc.url", DEFAULT_URL));
        return Map.of();
    }

    /** The URL of the run's test database, as given with -Dquarkus.datasource.jdbc.url or the default. */
    public static String runUrl() {
        return System.getProperty("quarkus.datasource.jdbc.url", DEFAULT_URL);
    }

    /** Creates the PostgreSQL database this JDBC URL names, unless it exists. */
    public static void ensureExists(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String adminUrl = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "")) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    // The name comes from our own configuration, not from user input; identifiers can't be bound.
                    statement.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " is needed by the tests: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void stop() {
        // The database is kept between runs; Flyway cleans it at the next start.
    }
}
