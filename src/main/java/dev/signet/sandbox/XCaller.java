package dev.signet.sandbox;

/** The brand calling the v1.1 API, as identified by its access token. */
public record XCaller(long userId, String screenName, String accessToken) {

    /** The key of the caller's rate-limit budgets; the token itself stays inside the limiter. */
    String rateLimitKey() {
        return accessToken;
    }
}
