package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start to ready of the packaged application (JVM mode, built for the {@code bench} profile: PostgreSQL, the sandbox
 * X, no demo data; production's Kafka and OIDC are the parts it leaves out). A first start on a fresh database
 * migrates it (printed as startup.first_ready_ms); then {@link #STARTS} starts on the migrated database, as a
 * production restart or a new replica, each measured from launching {@code java -jar} to the first 200 of
 * {@code /q/health/ready} (polled every 20 ms) and stopped with SIGTERM. Prints the median as startup.ready_ms.
 */
@Tag("bench")
class StartupBench {

    private static final int STARTS = 3;
    private static final int PORT = Integer.getInteger("signet.bench.startup.port", 8587);
    private static final String DB = System.getProperty("signet.bench.startup.db", "signet_startup_bench");
    private static final String BASE = "http://127.0.0.1:" + PORT;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void packagedApplicationStartsToReady() throws Exception {
        BenchProcess.freshDatabase(DB);
        BenchReport.print("startup.first_ready_ms", startToReady(0), "ms");
        List<Long> readyMs = new ArrayList<>();
        for (int run = 1; run <= STARTS; run++) {
            readyMs.add(startToReady(run));
        }
        Collections.sort(readyMs);
        BenchReport.print("startup.ready_ms", readyMs.get(STARTS / 2), "ms");
        BenchReport.print("startup.ready_max_ms", readyMs.get(STARTS - 1), "ms");
        assertEquals(STARTS, readyMs.size());
    }

    /** Starts the jar, waits until it is ready (4 minutes at most), stops it gracefully; the time to ready. */
    private long startToReady(int run) throws IOException, InterruptedException {
        long launched = System.nanoTime();
        Process app = start(run);
        long deadline = launched + TimeUnit.MINUTES.toNanos(4);
        try {
            while (!ready()) {
                if (!app.isAlive()) {
                    throw new AssertionError("the application stopped; see target/startup-bench-run-" + run + ".log");
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out waiting for: application ready");
                }
                Thread.sleep(20);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
        } finally {
            app.destroy();
            if (!app.waitFor(1, TimeUnit.MINUTES)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return true;
            }
        } catch (IOException e) {
            // Not listening yet: keep polling.
        }
        return false;
    }

    private Process start(int run) throws IOException {
        String jar = BenchProcess.packagedJar();
        File log = Path.of("target", "startup-bench-run-" + run + ".log").toFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.profile=bench", "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + DB + "?reWriteBatchedInserts=true",
                "-Dsignet.channel.accounts.bench-air.api-base-url=" + BASE + "/sandbox/x/1.1/", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }
}
