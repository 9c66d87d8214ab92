package dev.signet.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of an {@code Authorization: OAuth k="v", …} header (OAuth 1.0a, RFC 5849 §3.5.1), percent-decoded.
 */
public record OAuthHeader(Map<String, String> parameters) {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_\\-.~%]+)\\s*=\\s*\"([^\"]*)\"");

    /** The parameters of the header, or empty when it is absent or not an OAuth header. */
    public static Optional<OAuthHeader> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(authorization.substring(6));
        while (matcher.find()) {
            parameters.put(decode(matcher.group(1)), decode(matcher.group(2)));
        }
        return Optional.of(new OAuthHeader(Map.copyOf(parameters)));
    }

    public Optional<String> consumerKey() {
        return Optional.ofNullable(parameters.get("oauth_consumer_key"));
    }

    public Optional<String> token() {
        return Optional.ofNullable(parameters.get("oauth_token"));
    }

    public Optional<String> signature() {
        return Optional.ofNullable(parameters.get("oauth_signature"));
    }

    public Optional<String> signatureMethod() {
        return Optional.ofNullable(parameters.get("oauth_signature_method"));
    }

    /** The header's parameters that the signature covers: every one but {@code oauth_signature} and {@code realm}. */
    public List<OAuthSignature.Parameter> signedParameters() {
        return parameters.entrySet().stream()
                .filter(e -> !"oauth_signature".equals(e.getKey()) && !"realm".equals(e.getKey()))
                .map(e -> new OAuthSignature.Parameter(e.getKey(), e.getValue()))
                .toList();
    }

    private static String decode(String value) {
        // OAuth percent-encodes a space as %20 and a plus as %2B, so a literal '+' never reaches URLDecoder.
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
