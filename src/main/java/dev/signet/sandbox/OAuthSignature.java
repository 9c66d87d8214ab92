package dev.signet.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 signatures as RFC 5849 §3.4 defines them, which is how X checks every user-context
 * request: the base string is the method, the normalized URL and the sorted, percent-encoded parameters (query,
 * form body and the {@code oauth_*} header parameters except {@code oauth_signature}); the key is the consumer
 * secret and the token secret. A JSON body is not part of the signature.
 */
public final class OAuthSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    /** One request parameter, percent-decoded. */
    public record Parameter(String name, String value) {
    }

    private OAuthSignature() {
    }

    /** The base-64 HMAC-SHA1 signature of a request. */
    public static String sign(String method, String normalizedUrl, List<Parameter> parameters, String consumerSecret,
            String tokenSecret) {
        String key = percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            byte[] digest = mac.doFinal(baseString(method, normalizedUrl, parameters).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime ships HmacSHA1 and accepts any key length for it.
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** Compares two signatures in constant time, so that timing reveals nothing about the expected one. */
    public static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 5849 §3.4.1: {@code METHOD&url&parameters}, each part percent-encoded. */
    static String baseString(String method, String normalizedUrl, List<Parameter> parameters) {
        String normalizedParameters = parameters.stream()
                .map(p -> new Parameter(percentEncode(p.name()), percentEncode(p.value())))
                .sorted(Comparator.comparing(Parameter::name).thenComparing(Parameter::value))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + percentEncode(normalizedUrl) + "&"
                + percentEncode(normalizedParameters);
    }

    /**
     * RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the scheme's default, the path
     * as sent, no query.
     */
    public static String normalizeUrl(String scheme, String hostAndPort, String path) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String authority = hostAndPort.toLowerCase(Locale.ROOT);
        if (("http".equals(lowerScheme) && authority.endsWith(":80"))
                || ("https".equals(lowerScheme) && authority.endsWith(":443"))) {
            authority = authority.substring(0, authority.lastIndexOf(':'));
        }
        return lowerScheme + "://" + authority + (path == null || path.isEmpty() ? "/" : path);
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes: only ALPHA, DIGIT, '-', '.', '_' and '~' stay as they are. */
    public static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
