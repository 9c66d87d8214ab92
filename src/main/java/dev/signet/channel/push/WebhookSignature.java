package dev.signet.channel.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X's webhook security: the CRC answer and the {@code x-twitter-webhooks-signature} of each delivery are both
 * {@code sha256=} + base64(HMAC-SHA256(key = the app's consumer secret, message)). The JDK's {@link Mac} computes
 * it; the comparison is constant-time ({@link MessageDigest#isEqual}) so a forger learns nothing from timing.
 */
public final class WebhookSignature {

    static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=} + base64(HMAC-SHA256(secret, message)). */
    public static String sign(String consumerSecret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JDK ships HmacSHA256 and takes any non-empty key: this is a broken runtime, not bad input.
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The CRC answer's {@code response_token} for X's {@code crc_token}. */
    public static String crcResponse(String consumerSecret, String crcToken) {
        return sign(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} (the header as sent, possibly null) is X's signature of exactly {@code body}. */
    public static boolean verify(String consumerSecret, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = sign(consumerSecret, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}
