package dev.signet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The packaged application, as failsafe names it ({@code signet.bench.jar}) after {@code package} has built it
     * for the {@code bench} profile. Surefire runs before {@code package} and never sets the property: a crash
     * benchmark selected there (e.g. {@code -Dtest=CrashBench}) would start no jar or a stale one, so it stops at
     * once and says how to run it.
     */
    static String packagedJar() {
        String jar = System.getProperty("signet.bench.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No packaged application (" + jar + "): the crash benchmarks run after"
                    + " `package`, with failsafe: ./mvnw -Pbench verify (one of them alone: see docs/benchmarks.md)");
        }
        return jar;
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
