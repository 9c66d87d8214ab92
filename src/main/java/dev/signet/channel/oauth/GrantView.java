package dev.signet.channel.oauth;

import java.time.Instant;

/**
 * A brand account's OAuth 2.0 user context for the channel health page and {@code /api/accounts/oauth2}: never a
 * token.
 *
 * @param accountKey  the brand account
 * @param configured  whether the account has an OAuth 2.0 client in config (else it can't be connected)
 * @param status      {@code NOT_CONNECTED}, or a {@link GrantStatus}
 * @param scopes      the scopes X granted, space-separated
 * @param expiresAt   when the access token expires
 * @param connectedBy the admin who connected it
 * @param connectedAt when
 * @param refreshedAt the last refresh
 * @param revokedAt   when it was disconnected or revoked
 * @param failure     why the last refresh failed, or how it was revoked
 * @param refreshable whether a refresh token is held ({@code offline.access})
 */
public record GrantView(String accountKey, boolean configured, String status, String scopes, Instant expiresAt,
        String connectedBy, Instant connectedAt, Instant refreshedAt, Instant revokedAt, String failure,
        boolean refreshable) {

    static final String NOT_CONNECTED = "NOT_CONNECTED";

    static GrantView notConnected(String accountKey, boolean configured) {
        return new GrantView(accountKey, configured, NOT_CONNECTED, null, null, null, null, null, null, null, false);
    }

    public boolean connected() {
        return GrantStatus.CONNECTED.name().equals(status) || GrantStatus.REFRESH_FAILING.name().equals(status);
    }
}
