package dev.signet.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** What the benchmarks that run the packaged application as a separate process share: its database, waiting. */
final class BenchProcess {

    private static final String ADMIN_DB = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private BenchProcess() {
    }

    /** Drops and creates the application's database, so each run starts from nothing. */
    static void freshDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_DB, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
    }

    /** Polls {@code check} every 250 ms until it holds; fails the benchmark after {@code timeout}. */
    static void waitUntil(Check check, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(250);
        }
    }

    /** A pause in a worker thread; an interrupt ends it early and is kept for the caller's loop to see. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws InterruptedException;
    }
}
