package dev.signet.sandbox;

/** The brand calling the fake X API (v1.1 or v2), as identified by its access token and signature. */
public record XCaller(long userId, String screenName, String accessToken) {

    /** The key of the caller's rate-limit budgets; the token itself stays inside the limiter. */
    String rateLimitKey() {
        return accessToken;
    }
}
