package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mention posted → visible in an open queue: customers post mentions on the sandbox X while the account is polled
 * every second (as the scheduler does with {@code signet.channel.poll-interval=1s}), and a client listens on the
 * live queue's server-sent events. Each sample is the time from the post to the MESSAGE_RECEIVED event, posts
 * spread at random over the poll cycle. Prints e2e.mention_to_queue_p50 / _p95 (goal p95 ≤ poll interval + 200 ms).
 */
@QuarkusTest
@Tag("bench")
class MentionToQueueBench {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final int SAMPLES = 30;

    @TestHTTPResource("/api/queue/events")
    URI events;
    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;

    @Test
    void mentionToQueueOverServerSentEvents() throws Exception {
        world.sandboxBrands(sandbox);
        poller.poll(TestWorld.AIR);
        TestWorld.Login agent = world.agent();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(events)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agent.username() + ":" + agent.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body()
                .filter(line -> line.startsWith("data:") && line.contains("\"MESSAGE_RECEIVED\"")
                        && line.contains("\"" + TestWorld.AIR + "\""))
                .forEach(line -> received.add(System.nanoTime())), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor();
        polling.scheduleAtFixedRate(() -> poller.poll(TestWorld.AIR), 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        long[] latencies = new long[SAMPLES];
        Random random = new Random(42);
        try {
            for (int i = 0; i < SAMPLES; i++) {
                Thread.sleep(random.nextInt((int) POLL_INTERVAL.toMillis()));
                received.clear();
                String customer = world.sandboxCustomer(sandbox, "Latency " + i);
                long posted = System.nanoTime();
                sandbox.postMention(customer, TestWorld.AIR_HANDLE, "is anyone there? " + i, null);
                Long seen = received.poll(10, TimeUnit.SECONDS);
                if (seen == null) {
                    throw new AssertionError("mention " + i + " never reached the live queue");
                }
                latencies[i] = seen - posted;
            }
        } finally {
            polling.shutdownNow();
            polling.awaitTermination(10, TimeUnit.SECONDS);
            response.body().close();
        }
        BenchReport.print("e2e.mention_to_queue_p50", percentile(latencies, 50), "ms");
        BenchReport.print("e2e.mention_to_queue_p95", percentile(latencies, 95), "ms");
        BenchReport.print("e2e.poll_interval", POLL_INTERVAL.toMillis(), "ms");
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1_000_000.0);
    }
}
