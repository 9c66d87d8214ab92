package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The alert webhook against a tiny receiver on 127.0.0.1 that checks the signature as a real receiver would. */
class SpikeWebhookTest {

    private static final String SECRET = "test-webhook-secret";

    private HttpServer receiver;
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicReference<String> signature = new AtomicReference<>();
    private final AtomicReference<String> event = new AtomicReference<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] received = in.readAllBytes();
                body.set(received);
                signature.set(exchange.getRequestHeaders().getFirst(SpikeWebhook.SIGNATURE_HEADER));
                event.set(exchange.getRequestHeaders().getFirst(SpikeWebhook.EVENT_HEADER));
                String expected = SpikeWebhook.sign(SECRET, received);
                boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        String.valueOf(signature.get()).getBytes(StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @Test
    void theReceiverVerifiesTheSignatureOfTheRawBody() throws Exception {
        byte[] json = "{\"event\":\"spike-alert\",\"alert\":{\"kind\":\"VOLUME\"}}".getBytes(StandardCharsets.UTF_8);
        int status = new SpikeWebhook(Duration.ofSeconds(5)).post(hook(), SECRET, "spike-alert", json);
        assertEquals(204, status);
        assertEquals(new String(json, StandardCharsets.UTF_8), new String(body.get(), StandardCharsets.UTF_8));
        assertEquals("spike-alert", event.get());
    }

    @Test
    void aWrongSecretIsRefusedByTheReceiver() throws Exception {
        int status = new SpikeWebhook(Duration.ofSeconds(5)).post(hook(), "not-the-secret", "spike-alert",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, status);
    }

    @Test
    void theSignatureIsHmacSha256AsInRfc4231() {
        // RFC 4231, test case 2.
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                SpikeWebhook.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }
}
