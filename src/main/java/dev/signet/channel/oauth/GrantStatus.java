package dev.signet.channel.oauth;

/** Where a brand account's OAuth 2.0 grant stands. */
public enum GrantStatus {
    /** Tokens held and refreshed. */
    CONNECTED,
    /** The last refresh failed (X down, or the refresh token refused); the access token is used while it lasts. */
    REFRESH_FAILING,
    /** Disconnected by an admin or revoked on X ({@code oauth.revoke}): the tokens are gone, connect again. */
    REVOKED
}
