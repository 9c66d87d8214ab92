package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Used heap at 100,000 open conversations under load: the packaged application (bench profile, G1, -Xmx512m) starts
 * once on a fresh database (migrations, demo users, the {@code bench-air} account) and stops; 100,000 open
 * conversations over 10,000 customers are added by SQL through care's and customer's own tables; the application
 * starts again and gets {@value #LOAD_SECONDS} s of steady load: 4 agents paging the queue (API and page), 20 open
 * live queue streams, and a mention posted on the sandbox X every 100 ms (polled every second and taken by intake).
 * Then, load still on, a full GC ({@code jcmd GC.run}) and the used heap ({@code jcmd GC.heap_info}): printed as
 * heap.used_mib (goal ≤ 256). Runs with failsafe after {@code package}. Port {@code signet.bench.heap.port} (8592),
 * database {@code signet.bench.heap.db} ({@code signet_heap_bench}).
 */
@Tag("bench")
class HeapBench {

    private static final int CONVERSATIONS = 100_000;
    private static final int CUSTOMERS = 10_000;
    private static final int LOAD_SECONDS = 60;
    private static final int STREAMS = 20;
    private static final int PORT = Integer.getInteger("signet.bench.heap.port", 8592);
    private static final String DB = System.getProperty("signet.bench.heap.db", "signet_heap_bench");
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String MARIA = "Basic " + Base64.getEncoder().encodeToString("maria:signet".getBytes(StandardCharsets.UTF_8));
    private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void usedHeapAtHundredThousandOpenConversationsUnderLoad() throws Exception {
        BenchProcess.freshDatabase(DB);
        Process app = start(1);
        try {
            awaitLive();
        } finally {
            stop(app);
        }
        seed();
        app = start(2);
        List<Stream<String>> streams = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try {
            awaitLive();
            send("POST", "/sandbox/api/users", null, "{\"handle\":\"BenchAir\",\"name\":\"Bench Air\",\"brand\":true,"
                    + "\"accessToken\":\"bench-air-token\",\"accessTokenSecret\":\"bench-air-secret\"}");
            for (int c = 0; c < 20; c++) {
                send("POST", "/sandbox/api/users", null, "{\"handle\":\"heap_" + c + "\",\"name\":\"Heap " + c + "\",\"brand\":false}");
            }
            for (int s = 0; s < STREAMS; s++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/queue/events"))
                        .header("Authorization", MARIA).header("Accept", "text/event-stream").build();
                HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                Stream<String> body = response.body();
                streams.add(body);
                Thread reader = new Thread(() -> body.forEach(line -> { }), "heap-bench-sse-" + s);
                reader.setDaemon(true);
                reader.start();
            }
            for (int t = 0; t < 4; t++) {
                int agent = t;
                threads.add(thread("heap-bench-agent-" + t, () -> {
                    int page = agent;
                    while (loading.get()) {
                        String path = page % 3 == 0 ? "/queue" : "/api/conversations?size=50&page=" + page % 20;
                        count(send("GET", path, MARIA, null), pages, failures);
                        page++;
                    }
                }));
            }
            threads.add(thread("heap-bench-intake", () -> {
                int i = 0;
                while (loading.get()) {
                    count(send("POST", "/sandbox/api/tweets", null, "{\"author\":\"heap_" + i % 20
                            + "\",\"text\":\"@BenchAir heap mention #" + i + "\"}"), null, failures);
                    i++;
                    BenchProcess.sleep(100);
                }
            }));
            Thread.sleep(TimeUnit.SECONDS.toMillis(LOAD_SECONDS));

            jcmd(app, "GC.run");
            String info = jcmd(app, "GC.heap_info");
            Matcher used = G1_USED.matcher(info);
            assertTrue(used.find(), "G1 heap line in: " + info);
            long usedMib = Long.parseLong(used.group(2)) / 1024;
            BenchReport.print("heap.used_mib", usedMib, "MiB");
            BenchReport.print("heap.committed_mib", Long.parseLong(used.group(1)) / 1024, "MiB");
            BenchReport.print("heap.load_requests", pages.get(), "requests");
            BenchReport.print("heap.open_conversations", openConversations(), "conversations");
            assertTrue(pages.get() > 0, "the queue was paged");
            assertEquals(0, failures.get(), "every request under load answered 2xx");
        } finally {
            loading.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            streams.forEach(Stream::close);
            stop(app);
        }
    }

    /** 100,000 open conversations of the bench account over 10,000 customers' X identities (a quarter known). */
    private static void seed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "");
                Statement sql = connection.createStatement()) {
            long account;
            try (ResultSet rs = sql.executeQuery("select id from channel_account where account_key = 'bench-air'")) {
                rs.next();
                account = rs.getLong(1);
            }
            sql.execute("""
                    insert into customer (id, crm_id, name, loyalty_tier, created_at)
                    select nextval('customer_seq'), 'heap-' || g, 'Heap Customer ' || g,
                           (array['SILVER','GOLD','PLATINUM','NONE'])[g %% 4 + 1], now()
                    from generate_series(1, %d) g where g %% 4 = 0""".formatted(CUSTOMERS));
            sql.execute("""
                    insert into social_identity (id, network, external_user_id, handle, display_name, created_at)
                    select nextval('social_identity_seq'), 'X', 'heap-' || g, 'heap_customer_' || g, 'Heap ' || g, now()
                    from generate_series(1, %d) g""".formatted(CUSTOMERS));
            sql.execute("""
                    update social_identity i set customer_id = c.id, link_rule = 'CRM_USER_ID', linked_at = now()
                    from customer c where c.crm_id = i.external_user_id""");
            sql.execute("""
                    with ids as (select id, row_number() over (order by id) as rn from social_identity
                                 where external_user_id like 'heap-%%')
                    insert into conversation (id, account_id, identity_id, kind, status, first_message_at, last_message_at,
                        waiting_since, last_preview, last_direction, created_at, version, priority_points, queue_key,
                        contact_count, escalated)
                    select nextval('conversation_seq'), %1$d, ids.id,
                           case when s.g %% 5 = 0 then 'DM' else 'PUBLIC' end,
                           case when s.g %% 10 = 0 then 'WAITING_ON_CUSTOMER' when s.g %% 10 = 1 then 'OPEN' else 'NEW' end,
                           now() - (s.g %% 86400) * interval '1 second', now() - (s.g %% 3600) * interval '1 second',
                           s.wait, '@BenchAir heap message ' || s.g, 'IN', now(), 0, s.points,
                           s.wait - s.points * interval '6 minutes', 1 + s.g %% 3 / 2, s.g %% 50 = 0
                    from (select g, (g %% 7) * 10 as points,
                                 case when g %% 10 = 0 then null else now() - (g %% 86400) * interval '1 second' end as wait
                          from generate_series(1, %2$d) g) s
                    join ids on ids.rn = s.g %% %3$d + 1""".formatted(account, CONVERSATIONS, CUSTOMERS));
            sql.execute("analyze");
        }
    }

    private static long openConversations() throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select count(*) from conversation where status <> 'RESOLVED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process start(int run) throws IOException {
        File log = Path.of("target", "heap-bench-run-" + run + ".log").toFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseG1GC", "-Dquarkus.profile=bench", "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.datasource.jdbc.url=" + JDBC + "?reWriteBatchedInserts=true",
                "-Dsignet.demo.seed=true", "-Dsignet.demo.scenes=false",
                "-Dsignet.channel.accounts.bench-air.api-base-url=" + BASE + "/sandbox/x/1.1/",
                "-jar", BenchProcess.packagedJar())
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    private static String jcmd(Process app, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), "jcmd " + command + ": " + out);
        return out;
    }

    private void awaitLive() throws InterruptedException {
        BenchProcess.waitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(BASE + "/q/health/live")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofMinutes(4), "application live");
    }

    /** The status of one request, or -1 when it failed without an answer. */
    private int send(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void count(int status, AtomicInteger ok, AtomicInteger failures) {
        if (status >= 200 && status < 300) {
            if (ok != null) {
                ok.incrementAndGet();
            }
        } else {
            failures.incrementAndGet();
        }
    }

    private static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
