package dev.signet.channel.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * X's OAuth 2.0 endpoints as X documents them: {@code POST /2/oauth2/token} (form-encoded {@code authorization_code}
 * with the PKCE verifier, or {@code refresh_token}) and {@code POST /2/oauth2/revoke}; a confidential client
 * authenticates with HTTP Basic (client id and secret), a public one sends {@code client_id} in the body. Errors
 * are X's {@code {"error": …, "error_description": …}}, kept without any token.
 */
@ApplicationScoped
class XOAuth2Client {

    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    XOAuth2Client(ObjectMapper json, OAuth2Config config) {
        this.json = json;
        this.timeout = config.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The code exchange. */
    TokenAnswer exchange(OAuth2Config.Client client, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", client.redirectUri());
        form.put("code_verifier", verifier);
        return tokens(post(client, client.tokenUrl(), form, "exchange the authorization code"));
    }

    /** A refresh: X answers a new access token and a new refresh token (the old one is spent). */
    TokenAnswer refresh(OAuth2Config.Client client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokens(post(client, client.tokenUrl(), form, "refresh the token"));
    }

    /** Revokes one token ({@code access_token} or {@code refresh_token}). */
    void revoke(OAuth2Config.Client client, String token, String hint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint);
        post(client, client.revokeUrl(), form, "revoke the token");
    }

    private TokenAnswer tokens(JsonNode body) {
        String access = body.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new OAuth2CallException("X's token answer has no access_token", 0, "invalid_response", false);
        }
        return new TokenAnswer(access, body.path("refresh_token").asText(null), body.path("scope").asText(""),
                body.path("expires_in").asLong(7200));
    }

    private JsonNode post(OAuth2Config.Client client, String url, Map<String, String> form, String what) {
        if (client.clientSecret().isEmpty()) {
            form.put("client_id", client.clientId());
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        client.clientSecret().ifPresent(secret -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((encode(client.clientId()) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8))));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            JsonNode answer = parse(response.body());
            if (status / 100 != 2) {
                String error = answer.path("error").asText("http_" + status);
                throw new OAuth2CallException("X could not " + what + ": HTTP " + status + " " + error + " "
                        + answer.path("error_description").asText(""), status, error,
                        status == 429 || status >= 500);
            }
            return answer;
        } catch (IOException e) {
            throw new OAuth2CallException("X could not " + what + ": " + e.getClass().getSimpleName(), 0, "unreachable",
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuth2CallException("interrupted: " + what, 0, "interrupted", true);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * X's token answer. Its {@code toString} shows no token.
     *
     * @param accessToken  the bearer token
     * @param refreshToken the refresh token, or null without {@code offline.access}
     * @param scopes       the granted scopes
     * @param expiresIn    seconds the access token lives
     */
    record TokenAnswer(String accessToken, String refreshToken, String scopes, long expiresIn) {

        @Override
        public String toString() {
            return "TokenAnswer[scopes=" + scopes + ", expiresIn=" + expiresIn + ", tokens=***]";
        }
    }
}
