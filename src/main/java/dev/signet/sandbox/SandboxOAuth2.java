package dev.signet.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The fake X's OAuth 2.0 grants: authorization codes (single use, short-lived, bound to the client, redirect URI and
 * PKCE challenge), access tokens (expiring) and refresh tokens (rotated: each is spent by its refresh). Kept in memory,
 * like the sandbox's push faults: a restart of the sandbox logs every client out, as it should.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxOAuth2 {

    /** Fault modes of the token endpoint. */
    public enum Fault {
        NONE,
        /** The token endpoint answers 503. */
        TOKEN_SERVER_ERROR,
        /** Refresh tokens are refused ({@code invalid_request}), as after a revocation on X. */
        REFUSE_REFRESH
    }

    static final Set<String> SCOPES = Set.of("tweet.read", "tweet.write", "users.read", "dm.read", "dm.write",
            "offline.access", "follows.read", "like.read", "bookmark.read", "mute.read", "block.read");

    private final SandboxOAuth2Config config;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private volatile Fault fault = Fault.NONE;

    public SandboxOAuth2(SandboxOAuth2Config config) {
        this.config = config;
    }

    public void arm(Fault armed) {
        this.fault = armed;
    }

    Fault fault() {
        return fault;
    }

    SandboxOAuth2Config config() {
        return config;
    }

    /** Issues a code for an approved authorization. */
    String approve(String clientId, String redirectUri, String challenge, String method, String scopes) {
        String code = token();
        codes.put(code, new Code(clientId, redirectUri, challenge, method, scopes,
                Instant.now().plus(config.codeLifetime())));
        return code;
    }

    /** {@code grant_type=authorization_code}: the code is spent whatever the outcome, as X does. */
    Issued exchange(String clientId, String code, String redirectUri, String verifier) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || Instant.now().isAfter(issued.expiresAt())) {
            throw new Refusal(400, "invalid_request", "Value passed for the authorization code was invalid.");
        }
        if (!issued.clientId().equals(clientId) || !issued.redirectUri().equals(redirectUri)) {
            throw new Refusal(400, "invalid_request", "Value passed for the redirect uri or client id was invalid.");
        }
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
                || !issued.challenge().equals("plain".equals(issued.method()) ? verifier : s256(verifier))) {
            throw new Refusal(400, "invalid_request", "Value passed for the code verifier did not match the code"
                    + " challenge.");
        }
        return issue(issued.scopes());
    }

    /** {@code grant_type=refresh_token}: the refresh token is spent and a new pair issued. */
    Issued refresh(String refreshToken) {
        String scopes = refreshToken == null || fault == Fault.REFUSE_REFRESH ? null : refreshTokens.remove(refreshToken);
        if (scopes == null) {
            throw new Refusal(400, "invalid_request", "Value passed for the token was invalid.");
        }
        return issue(scopes);
    }

    /** Revokes an access or refresh token; unknown tokens are "revoked" too, as X answers. */
    void revoke(String token) {
        if (token != null) {
            accessTokens.remove(token);
            refreshTokens.remove(token);
        }
    }

    /** Whether a bearer token is a live user access token. */
    public boolean validAccessToken(String token) {
        Instant expires = token == null ? null : accessTokens.get(token);
        return expires != null && Instant.now().isBefore(expires);
    }

    /** Expires every access token now (refresh tokens stay): the next call with one gets a 401. */
    public void expireAccessTokens() {
        accessTokens.replaceAll((token, expires) -> Instant.now().minusSeconds(1));
    }

    /** Revokes every token (as a user who revokes the app on X). */
    public void revokeAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** How many live access and refresh tokens the fake X holds. */
    public Map<String, Integer> counts() {
        return Map.of("accessTokens", accessTokens.size(), "refreshTokens", refreshTokens.size(), "codes", codes.size());
    }

    private Issued issue(String scopes) {
        String access = token();
        accessTokens.put(access, Instant.now().plus(config.accessTokenLifetime()));
        String refresh = null;
        if (Set.of(scopes.split(" ")).contains("offline.access")) {
            refresh = token();
            refreshTokens.put(refresh, scopes);
        }
        return new Issued(access, refresh, scopes, config.accessTokenLifetime().toSeconds());
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    record Code(String clientId, String redirectUri, String challenge, String method, String scopes,
            Instant expiresAt) {
    }

    record Issued(String accessToken, String refreshToken, String scopes, long expiresIn) {
    }

    /** X's OAuth 2.0 error answer: {@code {"error": …, "error_description": …}}. */
    static final class Refusal extends RuntimeException {

        private final int status;
        private final String error;

        Refusal(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }

        int status() {
            return status;
        }

        String error() {
            return error;
        }
    }
}
