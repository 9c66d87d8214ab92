package dev.signet.insight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an alert to a webhook, signed the way GitHub and Stripe sign theirs: header
 * {@code X-Signet-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the shared secret>}. The
 * receiver recomputes it over the bytes it got and compares in constant time. The JDK's HTTP client is enough
 * for one POST with a timeout; no REST client interface is worth it for a URL only known at run time.
 */
public class SpikeWebhook {

    public static final String SIGNATURE_HEADER = "X-Signet-Signature";
    public static final String EVENT_HEADER = "X-Signet-Event";

    private final HttpClient http;
    private final Duration timeout;

    public SpikeWebhook(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The signature header's value for this body. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Posts the JSON body; returns the HTTP status the receiver answered. */
    public int post(URI url, String secret, String event, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, event)
                .header(SIGNATURE_HEADER, sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
