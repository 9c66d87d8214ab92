package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.signet.channel.HourlyVolumeRepository;
import dev.signet.sentiment.Sentiment;

/**
 * Spike alerts on synthetic series of accounts of the test's own: an alert on a spike, silence on a flat
 * series, one alert per episode, closing when back to normal, the metrics, and the signed webhook received by
 * a small HTTP server on 127.0.0.1.
 */
@QuarkusTest
@TestProfile(SpikeWatchTest.WithWebhook.class)
class SpikeWatchTest {

    static final String SECRET = "spike-test-secret";
    static final int PORT = freePort();
    static HttpServer receiver;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    /** The application with an alert webhook to the test's receiver. */
    public static class WithWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("signet.insight.alerts.webhook-url", "http://127.0.0.1:" + PORT + "/alerts",
                    "signet.insight.alerts.webhook-secret", SECRET,
                    // The scheduled check only looks at configured accounts; off here so that only the test checks.
                    "signet.insight.alerts.enabled", "false");
        }
    }

    record Received(String signature, byte[] body) {
    }

    @Inject
    SpikeWatch watch;
    @Inject
    SpikeAlertRepository alerts;
    @Inject
    dev.signet.channel.HourlyVolumeRepository volumes;
    @Inject
    SentimentRollupRepository rollups;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper json;

    /** Monday 10:00 UTC; the checks happen during this hour. */
    static final Instant HOUR = Instant.parse("2030-01-07T10:00:00Z");

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        receiver.createContext("/alerts", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst(SpikeWebhook.SIGNATURE_HEADER), in.readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String account(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Six past weeks of about 40 messages an hour at the same hours of the week, hours H-1 … H+3. */
    private void history(String account) {
        Map<Instant, Long> perHour = new HashMap<>();
        long[] usual = { 38, 42, 40, 44, 37, 41 };
        for (int week = 1; week <= 6; week++) {
            for (int h = -1; h <= 3; h++) {
                perHour.put(HOUR.plus(Duration.ofHours(h)).minus(Duration.ofDays(7L * week)), usual[week - 1] + h);
            }
        }
        volume(account, perHour);
    }

    private void volume(String account, Map<Instant, Long> perHour) {
        QuarkusTransaction.requiringNew().run(() -> volumes.add(account, perHour));
    }

    private long alertsOf(String account) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.count("accountKey", account));
    }

    private List<Received> webhooksFor(String account) {
        return RECEIVED.stream().filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains("\"" + account + "\"")).toList();
    }

    @Test
    void aVolumeSpikeRaisesOneSignedAlertPerEpisode() throws Exception {
        String account = account("spiky");
        history(account);
        volume(account, Map.of(HOUR.minus(Duration.ofHours(1)), 40L, HOUR, 160L));

        List<SpikeAlertView> opened = watch.check(account, HOUR.plus(Duration.ofMinutes(20)));
        assertEquals(1, opened.size());
        assertEquals(SpikeKind.VOLUME, opened.get(0).kind());
        assertEquals(160, opened.get(0).observed(), 1e-9);
        assertEquals(40.5, opened.get(0).baseline(), 1e-9);
        assertEquals(1.0, registry.get("signet.insight.spike").tag("account", account).tag("kind", "VOLUME").gauge().value());
        assertEquals(1.0, registry.get("signet.insight.spike.alerts").tag("account", account).counter().count());

        // The spike goes on: no second alert, the peak rises.
        volume(account, Map.of(HOUR, 60L));
        assertEquals(List.of(), watch.check(account, HOUR.plus(Duration.ofMinutes(40))));
        // Next hour: the last full hour still spikes, the episode stays open.
        assertEquals(List.of(), watch.check(account, HOUR.plus(Duration.ofMinutes(70))));
        assertEquals(1, alertsOf(account));
        assertEquals(1, webhooksFor(account).size(), "one webhook per episode");

        Received hook = webhooksFor(account).get(0);
        assertEquals(SpikeWebhook.sign(SECRET, hook.body()), hook.signature());
        JsonNode body = json.readTree(hook.body());
        assertEquals("spike-alert", body.get("event").asText());
        assertEquals("VOLUME", body.get("alert").get("kind").asText());

        // Two hours later both the current and the last full hour are normal: the episode closes.
        volume(account, Map.of(HOUR.plus(Duration.ofHours(1)), 41L, HOUR.plus(Duration.ofHours(2)), 20L));
        assertEquals(List.of(), watch.check(account, HOUR.plus(Duration.ofMinutes(130))));
        SpikeAlert closed = QuarkusTransaction.requiringNew().call(() -> alerts.find("accountKey", account).firstResult());
        assertFalse(closed.isOpen());
        assertEquals(220, closed.view().peakObserved(), 1e-9);
        assertEquals(0.0, registry.get("signet.insight.spike").tag("account", account).tag("kind", "VOLUME").gauge().value());

        // A new spike is a new episode, with a new alert.
        volume(account, Map.of(HOUR.plus(Duration.ofHours(3)), 200L));
        assertEquals(1, watch.check(account, HOUR.plus(Duration.ofMinutes(190))).size());
        assertEquals(2, alertsOf(account));
        assertEquals(2, webhooksFor(account).size());
    }

    @Test
    void aFlatSeriesRaisesNothing() {
        String account = account("flat");
        history(account);
        volume(account, Map.of(HOUR.minus(Duration.ofHours(1)), 43L, HOUR, 45L));
        assertEquals(List.of(), watch.check(account, HOUR.plus(Duration.ofMinutes(50))));
        assertEquals(0, alertsOf(account));
        assertTrue(webhooksFor(account).isEmpty());
    }

    @Test
    void aNewAccountWithoutHistoryRaisesNothing() {
        String account = account("new");
        volume(account, Map.of(HOUR, 500L));
        assertEquals(List.of(), watch.check(account, HOUR.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aNegativeShareSpikeAtNormalVolumeRaisesItsOwnAlert() {
        String account = account("angry");
        history(account);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int week = 1; week <= 6; week++) {
                Instant past = HOUR.minus(Duration.ofDays(7L * week));
                rollups.countSentiment(account, past, Sentiment.NEGATIVE, 8 + week % 2);
                rollups.countSentiment(account, past, Sentiment.NEUTRAL, 20);
                rollups.countSentiment(account, past, Sentiment.POSITIVE, 12);
            }
            rollups.countSentiment(account, HOUR, Sentiment.NEGATIVE, 30);
            rollups.countSentiment(account, HOUR, Sentiment.NEUTRAL, 8);
            rollups.countSentiment(account, HOUR, Sentiment.POSITIVE, 2);
        });
        volume(account, Map.of(HOUR, 41L));
        List<SpikeAlertView> opened = watch.check(account, HOUR.plus(Duration.ofMinutes(30)));
        assertEquals(List.of(SpikeKind.NEGATIVE_SHARE), opened.stream().map(SpikeAlertView::kind).toList());
        assertEquals(0.75, opened.get(0).observed(), 1e-9);
    }
}
