package dev.signet.channel.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** X's CRC answer and delivery signature: sha256= + base64(HMAC-SHA256(consumer secret, message)). */
class WebhookSignatureTest {

    private static final String SECRET = "sandbox-consumer-secret";
    /** Computed independently (Python's hmac and base64 modules) for the vectors below. */
    private static final String CRC_VECTOR = "sha256=hf2rOgbZ58QsyJi2IiuEBQP/mwQ49du2jl7VRc0vSII=";
    private static final String BODY = "{\"data\":{\"event_type\":\"dm.received\"}}";
    private static final String BODY_VECTOR = "sha256=C5s1vL452I6arjuCM7MLS7TD1NDX4zZkBa/jmMlu+lw=";

    @Test
    void theCrcAnswerMatchesAKnownVector() {
        assertEquals(CRC_VECTOR, WebhookSignature.crcResponse(SECRET, "crc-challenge-0123"));
    }

    @Test
    void aGoodSignatureIsAccepted() {
        assertTrue(WebhookSignature.verify(SECRET, bytes(BODY), BODY_VECTOR));
        assertTrue(WebhookSignature.verify(SECRET, bytes(BODY), WebhookSignature.sign(SECRET, bytes(BODY))));
    }

    @Test
    void aMissingOrBadSignatureIsRefused() {
        assertFalse(WebhookSignature.verify(SECRET, bytes(BODY), null));
        assertFalse(WebhookSignature.verify(SECRET, bytes(BODY), ""));
        assertFalse(WebhookSignature.verify(SECRET, bytes(BODY), "sha256=AAAA"));
        assertFalse(WebhookSignature.verify(SECRET, bytes(BODY), BODY_VECTOR.substring("sha256=".length())));
        assertFalse(WebhookSignature.verify("another-secret", bytes(BODY), BODY_VECTOR));
    }

    @Test
    void aBodyAlteredByOneByteIsRefused() {
        byte[] altered = bytes(BODY);
        altered[altered.length - 3] ^= 1;
        assertFalse(WebhookSignature.verify(SECRET, altered, BODY_VECTOR));
        assertFalse(WebhookSignature.verify(SECRET, bytes(BODY + " "), BODY_VECTOR));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
