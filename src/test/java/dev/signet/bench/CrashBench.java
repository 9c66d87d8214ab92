package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: the packaged application (built for the {@code bench} profile: PostgreSQL, sandbox X, polling
 * every second) ingests 10,000 mentions posted on its sandbox at a steady rate, is killed with SIGKILL midway,
 * restarted on the same database, and must end with every mention stored exactly once. Prints crash.lost and
 * crash.duplicates (both must be 0). Each mention has a unique text; a post refused as a duplicate (X's
 * code 187, after a retry across the crash) counts as posted.
 */
@Tag("bench")
class CrashBench {

    private static final int MENTIONS = 10_000;
    private static final int CUSTOMERS = 50;
    private static final int KILL_AT = 4_000;
    /** The port and database of the application under test; other ones let parallel runs keep apart. */
    private static final int PORT = Integer.getInteger("signet.bench.crash.port", 8585);
    private static final String DB = System.getProperty("signet.bench.crash.db", "signet_bench");
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String BENCH_DB = "jdbc:postgresql://127.0.0.1:5432/" + DB;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killedMidwayLosesAndDuplicatesNothing() throws Exception {
        BenchProcess.freshDatabase(DB);
        Process app = start(1);
        try {
            awaitLive();
            post("/sandbox/api/users", "{\"handle\":\"BenchAir\",\"name\":\"Bench Air\",\"brand\":true,"
                    + "\"accessToken\":\"bench-air-token\",\"accessTokenSecret\":\"bench-air-secret\"}");
            for (int c = 0; c < CUSTOMERS; c++) {
                post("/sandbox/api/users", "{\"handle\":\"crash_" + c + "\",\"name\":\"Crash " + c + "\",\"brand\":false}");
            }
            AtomicInteger posted = new AtomicInteger();
            Thread poster = new Thread(() -> postAll(posted), "crash-bench-poster");
            poster.start();

            BenchProcess.waitUntil(() -> stored() >= KILL_AT, Duration.ofMinutes(3), "stored reached " + KILL_AT);
            app.destroyForcibly().waitFor();
            long atKill = stored();
            app = start(2);
            awaitLive();

            poster.join(Duration.ofMinutes(5).toMillis());
            assertEquals(MENTIONS, posted.get(), "every mention posted");
            BenchProcess.waitUntil(() -> stored() >= MENTIONS, Duration.ofMinutes(3), "stored reached " + MENTIONS);
            Thread.sleep(3_000);

            long[] counts = storedAndDistinct();
            long lost = MENTIONS - counts[1];
            long duplicates = counts[0] - counts[1];
            BenchReport.print("crash.stored_at_kill", atKill, "msg");
            BenchReport.print("crash.lost", lost, "msg");
            BenchReport.print("crash.duplicates", duplicates, "msg");
            assertEquals(0, lost);
            assertEquals(0, duplicates);
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    private void postAll(AtomicInteger posted) {
        for (int i = 0; i < MENTIONS; i++) {
            String body = "{\"author\":\"crash_" + (i % CUSTOMERS) + "\",\"text\":\"@BenchAir crash mention #" + i + "\"}";
            while (true) {
                try {
                    int status = postStatus("/sandbox/api/tweets", body);
                    // 201 posted; 422 = X refused a duplicate text: the first try got through before the crash.
                    if (status == 201 || status == 422) {
                        break;
                    }
                } catch (IOException e) {
                    // The application is down (killed): wait for the restart.
                }
                BenchProcess.sleep(200);
            }
            posted.incrementAndGet();
            if (i % 5 == 4) {
                BenchProcess.sleep(10);
            }
        }
    }

    private Process start(int run) throws IOException {
        String jar = BenchProcess.packagedJar();
        File log = Path.of("target", "crash-bench-run-" + run + ".log").toFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.profile=bench", "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.datasource.jdbc.url=" + BENCH_DB + "?reWriteBatchedInserts=true",
                "-Dsignet.channel.accounts.bench-air.api-base-url=" + BASE + "/sandbox/x/1.1/", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private void awaitLive() throws InterruptedException {
        BenchProcess.waitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(BASE + "/q/health/live")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, Duration.ofMinutes(2), "application live");
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        int status = postStatus(path, json);
        assertTrue(status < 300, path + " answered " + status);
    }

    private int postStatus(String path, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }


    private static long stored() {
        return storedAndDistinct()[0];
    }

    /** Mentions of the bench account stored, and distinct texts among them. */
    private static long[] storedAndDistinct() {
        try (Connection connection = DriverManager.getConnection(BENCH_DB, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select count(*), count(distinct m.text) from message m
                        join conversation c on c.id = m.conversation_id
                        join channel_account a on a.id = c.account_id
                        where a.account_key = 'bench-air' and m.direction = 'IN'""")) {
            row.next();
            return new long[] { row.getLong(1), row.getLong(2) };
        } catch (SQLException e) {
            // Tables not there yet (first start migrating): nothing stored.
            return new long[] { 0, 0 };
        }
    }



}
