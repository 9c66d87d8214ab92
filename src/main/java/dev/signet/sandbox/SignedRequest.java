package dev.signet.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.http.HttpServerRequest;

/**
 * What of an HTTP request an OAuth 1.0a signature covers: the method, the normalized URL, the query and form
 * parameters (percent-decoded), and the {@code Authorization} header that carries the {@code oauth_*} parameters.
 */
public record SignedRequest(String method, String normalizedUrl, List<OAuthSignature.Parameter> parameters,
        String authorization) {

    private static final String FORM = "application/x-www-form-urlencoded";

    /**
     * Reads a request as the sandbox received it. The host comes from the {@code Host} header, which is what the
     * client signed; a JSON or multipart body is not signed, a form body is.
     */
    static SignedRequest of(HttpServerRequest request) {
        List<OAuthSignature.Parameter> parameters = new ArrayList<>(parseQuery(request.query()));
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            for (Map.Entry<String, String> field : request.formAttributes()) {
                parameters.add(new OAuthSignature.Parameter(field.getKey(), field.getValue()));
            }
        }
        String host = request.getHeader("Host");
        String url = OAuthSignature.normalizeUrl(request.scheme(), host == null ? "" : host, request.path());
        return new SignedRequest(request.method().name(), url, List.copyOf(parameters),
                request.getHeader("Authorization"));
    }

    /** RFC 5849 §3.4.1.3.1: the query is read as {@code application/x-www-form-urlencoded}. */
    static List<OAuthSignature.Parameter> parseQuery(String query) {
        List<OAuthSignature.Parameter> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new OAuthSignature.Parameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }
}
