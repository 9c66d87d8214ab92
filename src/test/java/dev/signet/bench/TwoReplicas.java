package dev.signet.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two Signet processes (the packaged jar, built for the {@code bench} profile: PostgreSQL, sandbox X, in-process
 * messaging) on one database, as two replicas behind a load balancer: A polls the sandbox X (brand account
 * {@code bench-air}), B does not poll at all, so everything stored comes from A. Both have the demo users
 * ({@code maria}, {@code jonas} …, password {@code signet}) without the demo's scenes. A starts first (it migrates
 * the database and seeds the users), then B.
 */
final class TwoReplicas implements AutoCloseable {

    static final String MARIA = "maria";
    static final String JONAS = "jonas";

    final String a;
    final String b;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TwoReplicas(int portA, int portB) {
        this.a = "http://127.0.0.1:" + portA;
        this.b = "http://127.0.0.1:" + portB;
    }

    /** Starts A then B on a fresh database {@code db}; logs go to target/{@code name}-a.log and -b.log. */
    static TwoReplicas start(String db, int portA, int portB, String name) throws Exception {
        BenchProcess.freshDatabase(db);
        TwoReplicas replicas = new TwoReplicas(portA, portB);
        try {
            replicas.launch(db, portA, replicas.a, true, name + "-a");
            replicas.awaitLive(replicas.a);
            replicas.launch(db, portB, replicas.a, false, name + "-b");
            replicas.awaitLive(replicas.b);
        } catch (Exception | AssertionError e) {
            replicas.close();
            throw e;
        }
        return replicas;
    }

    private void launch(String db, int port, String sandbox, boolean polls, String name) throws IOException {
        File log = Path.of("target", name + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dquarkus.profile=bench", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + db + "?reWriteBatchedInserts=true",
                "-Dsignet.demo.seed=true", "-Dsignet.demo.scenes=false",
                "-Dsignet.channel.accounts.bench-air.api-base-url=" + sandbox + "/sandbox/x/1.1/"));
        if (!polls) {
            command.add("-Dsignet.channel.poll-interval=off");
        }
        command.addAll(List.of("-jar", BenchProcess.packagedJar()));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start());
    }

    private void awaitLive(String base) throws InterruptedException {
        BenchProcess.waitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofMinutes(4), base + " live");
    }

    /** POSTs JSON (or nothing) as {@code user}, or without login when user is null; the status and body. */
    HttpResponse<String> post(String url, String user, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a server-sent event stream as {@code user}; its data lines arrive on {@link Events#data()}. */
    Events events(String url, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(user))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode());
        }
        BlockingQueue<Line> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> data.add(new Line(line, System.nanoTime()))), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return new Events(data, response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":signet").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** One data line of an event stream and when it arrived ({@link System#nanoTime()}). */
    record Line(String text, long arrivedNanos) {
    }

    /** An open event stream. */
    record Events(BlockingQueue<Line> data, Stream<String> body) implements AutoCloseable {

        /** The next line containing every part within {@code timeout}, or null. */
        Line next(Duration timeout, String... parts) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Line line = data.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return null;
                }
                boolean all = true;
                for (String part : parts) {
                    all &= line.text().contains(part);
                }
                if (all) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
