package dev.signet.channel.x;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Signs every request of the v2 REST client with the brand's OAuth 1.0a user context, from the URL the client is
 * about to send: the query parameters are signed, a JSON body is not (OAuth 1.0a signs only form bodies).
 */
final class OAuthSigningFilter implements ClientRequestFilter {

    private final Twitter4jOAuthSigner signer;

    OAuthSigningFilter(Twitter4jOAuthSigner signer) {
        this.signer = signer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String url = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        request.getHeaders().putSingle("Authorization",
                signer.authorizationHeader(request.getMethod(), url, queryParameters(uri.getRawQuery())));
    }

    private static List<Twitter4jOAuthSigner.Parameter> queryParameters(String rawQuery) {
        List<Twitter4jOAuthSigner.Parameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new Twitter4jOAuthSigner.Parameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }
}
