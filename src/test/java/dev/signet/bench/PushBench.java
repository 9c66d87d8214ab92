package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ApiUsageView;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.push.PushStatus;
import dev.signet.channel.push.PushView;
import dev.signet.sandbox.SandboxActivity;
import dev.signet.sandbox.SandboxPushFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Push from X against polling, in one run (test-air-v2 on {@code stream}, test-mobile-v2 on {@code poll}):
 * <ul>
 * <li>{@code e2e.dm_to_queue_p95.stream}: a DM posted on the sandbox until its MESSAGE_RECEIVED event on the live
 * queue's server-sent events (what an open queue page shows), pushed over the activity stream, no poll at all.</li>
 * <li>{@code e2e.dm_to_queue_p95.poll}: the same at X's real DM limit (15 reads per 15 minutes: one DM read every
 * 60 s). A DM waits for the next read, uniformly 0 to 60 s: that wait is drawn (seeded), not slept, to keep the run
 * short; the read-to-queue time after it is measured with a real poll for every sample.</li>
 * <li>{@code push.lost} / {@code push.duplicates}: 200 DMs while the sandbox drops 5% of pushed events, duplicates 5%
 * and cuts the stream twice; after the reconnects' reconciliation and one scheduled reconciliation, every DM must be
 * stored exactly once. {@code x.requests_per_message}: X calls of push and reconciliation per message in that run.</li>
 * <li>{@code cost.per_1000_dms.stream} / {@code .poll}: what the cost meter counted for each account's DMs in the
 * latency run (X's 2026 prices, same-day re-reads free), per 1,000 DMs; {@code .stream_with_faults} the same for the
 * fault run (reconciliation's reads included).</li>
 * </ul>
 */
@QuarkusTest
@Tag("bench")
@TestProfile(PushBench.Profile.class)
class PushBench {

    private static final int LATENCY_SAMPLES = 30;
    private static final Duration DM_READ_EVERY = Duration.ofSeconds(60);
    private static final int FAULT_MESSAGES = 200;

    /** test-air-v2 by stream, test-mobile-v2 polled. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "signet.channel.accounts.test-air-v2.delivery", "stream",
                    "signet.channel.accounts.test-air-v2.bearer-token", "sandbox-bearer-token",
                    "signet.channel.push.reconnect-min-backoff", "100ms",
                    "signet.channel.push.reconnect-max-backoff", "1s");
        }
    }

    @TestHTTPResource("/api/queue/events")
    URI events;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxActivity activity;
    @Inject
    PushStatus status;
    @Inject
    ChannelPoller poller;
    @Inject
    ApiUsageService usage;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void pushAgainstPoll() throws Exception {
        world.sandboxBrands(sandbox);
        activity.arm(SandboxPushFaults.NONE);
        poller.poll(TestWorld.MOBILE_V2);
        await(() -> view(TestWorld.AIR_V2).connected());
        TestWorld.Login agent = world.agent();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(events)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agent.username() + ":" + agent.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Map<String, BlockingQueue<Long>> received = Map.of(TestWorld.AIR_V2, new LinkedBlockingQueue<>(),
                TestWorld.MOBILE_V2, new LinkedBlockingQueue<>());
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:")
                && line.contains("\"MESSAGE_RECEIVED\"")).forEach(line -> received.forEach((account, queue) -> {
                    if (line.contains("\"" + account + "\"")) {
                        queue.add(System.nanoTime());
                    }
                })), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        Random random = new Random(42);
        BigDecimal streamCostBefore = cost(TestWorld.AIR_V2);
        BigDecimal pollCostBefore = cost(TestWorld.MOBILE_V2);
        long[] stream = new long[LATENCY_SAMPLES];
        long[] poll = new long[LATENCY_SAMPLES];
        try {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                Thread.sleep(random.nextInt(200));
                received.get(TestWorld.AIR_V2).clear();
                String customer = world.sandboxCustomer(sandbox, "Push Bench " + i);
                long posted = System.nanoTime();
                sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "pushed DM " + i);
                stream[i] = waitFor(received.get(TestWorld.AIR_V2), "stream DM " + i) - posted;
            }
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                received.get(TestWorld.MOBILE_V2).clear();
                String customer = world.sandboxCustomer(sandbox, "Poll Bench " + i);
                sandbox.sendDirectMessage(customer, TestWorld.MOBILE_V2_HANDLE, "polled DM " + i);
                long waitForRead = (long) (random.nextDouble() * DM_READ_EVERY.toNanos());
                long readAt = System.nanoTime();
                poller.poll(TestWorld.MOBILE_V2);
                poll[i] = waitForRead + waitFor(received.get(TestWorld.MOBILE_V2), "polled DM " + i) - readAt;
            }
        } finally {
            response.body().close();
        }
        double streamP95 = percentile(stream, 95);
        double pollP95 = percentile(poll, 95);
        BenchReport.print("e2e.dm_to_queue_p50.stream", percentile(stream, 50), "ms");
        BenchReport.print("e2e.dm_to_queue_p95.stream", streamP95, "ms");
        BenchReport.print("e2e.dm_to_queue_p95.poll", pollP95, "ms");
        BenchReport.print("e2e.dm_to_queue_p95.poll_over_stream", pollP95 / Math.max(1, streamP95), "x");
        BenchReport.print("cost.per_1000_dms.stream", perThousand(cost(TestWorld.AIR_V2).subtract(streamCostBefore),
                LATENCY_SAMPLES), "usd");
        BenchReport.print("cost.per_1000_dms.poll", perThousand(cost(TestWorld.MOBILE_V2).subtract(pollCostBefore),
                LATENCY_SAMPLES), "usd");

        faultRun();
    }

    /** 200 DMs through drops, duplicates and two stream cuts; reconciliation must leave nothing lost or doubled. */
    private void faultRun() throws InterruptedException {
        PushView before = view(TestWorld.AIR_V2);
        BigDecimal costBefore = cost(TestWorld.AIR_V2);
        long dropsBefore = activity.counts().get("dropped");
        activity.arm(new SandboxPushFaults(0.05, 0.05, 0.02, 70, 2, 0, 0, 2026));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(world.sandboxCustomer(sandbox, "Fault Bench " + i));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < FAULT_MESSAGES; i++) {
            ids.add(sandbox.sendDirectMessage(customers.get(i % customers.size()), TestWorld.AIR_V2_HANDLE,
                    "fault run DM " + i).id());
            Thread.sleep(20);
        }
        long sent = System.nanoTime();
        await(() -> view(TestWorld.AIR_V2).connected() && view(TestWorld.AIR_V2).reconnects() >= before.reconnects() + 2);
        Thread.sleep(2_000);
        // The scheduled reconciliation (every 10 minutes by default), run once now.
        assertEquals(null, poller.poll(TestWorld.AIR_V2).error());
        activity.arm(SandboxPushFaults.NONE);
        // The stream's backlog and backfill may still be on their way: give them 30 s at most.
        Instant deadline = Instant.now().plusSeconds(30);
        Map<Long, Long> rows = storedRows(ids);
        while (rows.size() < ids.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            rows = storedRows(ids);
        }
        BenchReport.print("push.all_stored_after_last_send", (System.nanoTime() - sent) / 1_000_000.0, "ms");
        long lost = ids.size() - rows.size();
        long duplicates = rows.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        PushView after = view(TestWorld.AIR_V2);
        BenchReport.print("push.dropped_by_x", activity.counts().get("dropped") - dropsBefore, "events");
        BenchReport.print("push.found_by_reconciliation", after.foundByReconciliation() - before.foundByReconciliation(),
                "msg");
        BenchReport.print("push.stream_reconnects", after.reconnects() - before.reconnects(), "reconnects");
        BenchReport.print("push.lost", lost, "msg");
        BenchReport.print("push.duplicates", duplicates, "msg");
        BenchReport.print("x.requests_per_message", (after.requests() - before.requests()) / (double) FAULT_MESSAGES,
                "req/msg");
        BenchReport.print("cost.per_1000_dms.stream_with_faults",
                perThousand(cost(TestWorld.AIR_V2).subtract(costBefore), FAULT_MESSAGES), "usd");
        assertEquals(0, lost, "reconciliation finds every dropped event");
        assertEquals(0, duplicates);
    }

    private Map<Long, Long> storedRows(List<Long> ids) {
        Map<Long, Long> rows = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object row : em.createNativeQuery(
                    "select external_id, count(*) from message where external_id in (:ids) group by external_id")
                    .setParameter("ids", ids.stream().map(String::valueOf).toList()).getResultList()) {
                Object[] cells = (Object[]) row;
                rows.put(Long.parseLong((String) cells[0]), ((Number) cells[1]).longValue());
            }
        });
        return rows;
    }

    /** The account's X cost this month so far, as the cost meter counts it. */
    private BigDecimal cost(String account) {
        return usage.month(usage.thisMonth()).stream().filter(v -> v.accountKey().equals(account))
                .map(ApiUsageView::costUsd).findFirst().orElse(BigDecimal.ZERO);
    }

    private static double perThousand(BigDecimal cost, int messages) {
        return cost.doubleValue() * 1000 / messages;
    }

    private PushView view(String account) {
        return status.all().stream().filter(v -> v.accountKey().equals(account)).findFirst().orElseThrow();
    }

    private static long waitFor(BlockingQueue<Long> queue, String what) throws InterruptedException {
        Long seen = queue.poll(10, TimeUnit.SECONDS);
        if (seen == null) {
            throw new AssertionError(what + " never reached the live queue");
        }
        return seen;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(25);
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1_000_000.0);
    }
}
