package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How soon a change made on one replica shows on another replica's live stream: two packaged Signet processes on one
 * PostgreSQL database ({@link TwoReplicas}), a queue stream open on B, {@value #CHANGES} claims and releases of one
 * conversation made on A (one every 100 ms), each timed from sending the request to A until its event arrives on
 * B's stream (so the request itself, its commit and the {@code NOTIFY} round trip are all in the figure). Prints
 * live.cross_replica_p50_ms, live.cross_replica_p95_ms and live.cross_replica_max_ms, and live.after_answer_p95_ms:
 * from A's answer to B's event (what the replication adds to the request). Runs with failsafe after
 * {@code package} (bench profile). Ports {@code signet.bench.live.port-a} / {@code -b} (8590, 8591), database
 * {@code signet.bench.live.db} ({@code signet_live_bench}).
 */
@Tag("bench")
class LiveAcrossReplicasBench {

    private static final int CHANGES = 50;
    private static final int PORT_A = Integer.getInteger("signet.bench.live.port-a", 8590);
    private static final int PORT_B = Integer.getInteger("signet.bench.live.port-b", 8591);
    private static final String DB = System.getProperty("signet.bench.live.db", "signet_live_bench");
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":(\\d+)");

    @Test
    void changesOnOneReplicaReachAnotherReplicasStream() throws Exception {
        try (TwoReplicas replicas = TwoReplicas.start(DB, PORT_A, PORT_B, "live-bench")) {
            replicas.post(replicas.a + "/sandbox/api/users", null, "{\"handle\":\"BenchAir\",\"name\":\"Bench Air\","
                    + "\"brand\":true,\"accessToken\":\"bench-air-token\",\"accessTokenSecret\":\"bench-air-secret\"}");
            replicas.post(replicas.a + "/sandbox/api/users", null, "{\"handle\":\"live_bench\",\"name\":\"Live Bench\",\"brand\":false}");
            try (TwoReplicas.Events queueOnB = replicas.events(replicas.b + "/api/queue/events", TwoReplicas.MARIA)) {
                assertNotNull(queueOnB.next(Duration.ofSeconds(5), "\"CONNECTED\""));
                replicas.post(replicas.a + "/sandbox/api/tweets", null, "{\"author\":\"live_bench\",\"text\":\"@BenchAir where is my refund\"}");
                TwoReplicas.Line received = queueOnB.next(Duration.ofSeconds(30), "\"MESSAGE_RECEIVED\"");
                assertNotNull(received, "the conversation reached B");
                Matcher id = CONVERSATION.matcher(received.text());
                assertEquals(true, id.find());
                long conversation = Long.parseLong(id.group(1));

                List<Long> millis = new ArrayList<>();
                List<Long> afterAnswer = new ArrayList<>();
                for (int i = 0; i < CHANGES; i++) {
                    String action = i % 2 == 0 ? "claim" : "release";
                    String type = i % 2 == 0 ? "\"CLAIMED\"" : "\"RELEASED\"";
                    long sent = System.nanoTime();
                    assertEquals(200, replicas.post(replicas.a + "/api/conversations/" + conversation + "/" + action,
                            TwoReplicas.MARIA, null).statusCode());
                    long answered = System.nanoTime();
                    TwoReplicas.Line seen = queueOnB.next(Duration.ofSeconds(10), type, "\"conversationId\":" + conversation);
                    assertNotNull(seen, action + " #" + i + " reached B");
                    millis.add(TimeUnit.NANOSECONDS.toMillis(seen.arrivedNanos() - sent));
                    // The event may reach B before A's answer reaches the client: 0 then.
                    afterAnswer.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(seen.arrivedNanos() - answered)));
                    BenchProcess.sleep(100);
                }
                Collections.sort(millis);
                Collections.sort(afterAnswer);
                BenchReport.print("live.cross_replica_p50_ms", millis.get(CHANGES / 2), "ms");
                BenchReport.print("live.cross_replica_p95_ms", millis.get((int) Math.ceil(CHANGES * 0.95) - 1), "ms");
                BenchReport.print("live.cross_replica_max_ms", millis.get(CHANGES - 1), "ms");
                BenchReport.print("live.after_answer_p95_ms", afterAnswer.get((int) Math.ceil(CHANGES * 0.95) - 1), "ms");
                assertEquals(CHANGES, millis.size());
            }
        }
    }
}
