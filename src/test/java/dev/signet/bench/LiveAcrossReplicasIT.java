package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Live pages across replicas, end to end: two packaged Signet processes on one PostgreSQL database
 * ({@link TwoReplicas}: the bench profile, so in-process messaging between poller and intake — the live events go
 * through PostgreSQL {@code LISTEN/NOTIFY} whatever the messaging transport). Server-sent event clients are open on
 * replica B; a new customer message, a claim and a note that mentions Jonas are made on replica A (B polls nothing,
 * so none of them starts on B), and each must reach B's clients within 5 s (the message: within 20 s of posting it
 * on the sandbox X, polling included).
 * <p>
 * Runs with failsafe after {@code package} for the {@code bench} profile: {@code ./mvnw -Pbench verify}, or alone
 * as docs/benchmarks.md says. Ports {@code signet.it.live.port-a} / {@code -b} (8588, 8589), database
 * {@code signet.it.live.db} ({@code signet_live_it}).
 */
class LiveAcrossReplicasIT {

    private static final int PORT_A = Integer.getInteger("signet.it.live.port-a", 8588);
    private static final int PORT_B = Integer.getInteger("signet.it.live.port-b", 8589);
    private static final String DB = System.getProperty("signet.it.live.db", "signet_live_it");
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":(\\d+)");

    @Test
    void changesMadeOnOneReplicaReachTheOtherReplicasStreams() throws Exception {
        try (TwoReplicas replicas = TwoReplicas.start(DB, PORT_A, PORT_B, "live-it")) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            assertCreated(replicas.post(replicas.a + "/sandbox/api/users", null, "{\"handle\":\"BenchAir\","
                    + "\"name\":\"Bench Air\",\"brand\":true,\"accessToken\":\"bench-air-token\","
                    + "\"accessTokenSecret\":\"bench-air-secret\"}"));
            assertCreated(replicas.post(replicas.a + "/sandbox/api/users", null, "{\"handle\":\"live_" + run
                    + "\",\"name\":\"Live Customer\",\"brand\":false}"));

            try (TwoReplicas.Events queueOnB = replicas.events(replicas.b + "/api/queue/events", TwoReplicas.MARIA);
                    TwoReplicas.Events bellOnB = replicas.events(replicas.b + "/api/notifications/events", TwoReplicas.JONAS)) {
                assertNotNull(queueOnB.next(WITHIN, "\"CONNECTED\""));
                assertNotNull(bellOnB.next(WITHIN, "\"CONNECTED\""));

                assertCreated(replicas.post(replicas.a + "/sandbox/api/tweets", null, "{\"author\":\"live_" + run
                        + "\",\"text\":\"@BenchAir my bag never arrived\"}"));
                TwoReplicas.Line received = queueOnB.next(Duration.ofSeconds(20), "\"MESSAGE_RECEIVED\"");
                assertNotNull(received, "the message A stored reaches B's queue stream");
                Matcher id = CONVERSATION.matcher(received.text());
                assertEquals(true, id.find(), received.text());
                long conversation = Long.parseLong(id.group(1));

                assertEquals(200, replicas.post(replicas.a + "/api/conversations/" + conversation + "/claim",
                        TwoReplicas.MARIA, null).statusCode());
                assertNotNull(queueOnB.next(WITHIN, "\"CLAIMED\"", "\"conversationId\":" + conversation),
                        "the claim on A reaches B's queue stream");

                assertEquals(201, replicas.post(replicas.a + "/api/conversations/" + conversation + "/notes",
                        TwoReplicas.MARIA, "{\"text\":\"@JK can you check the bag claim?\"}").statusCode());
                assertNotNull(bellOnB.next(WITHIN, "\"NOTIFIED\"", "\"conversationId\":" + conversation),
                        "Jonas, connected to B, is told of the note on A that mentions him");
            }
        }
    }

    private static void assertCreated(java.net.http.HttpResponse<String> response) {
        assertEquals(true, response.statusCode() < 300, response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
}
