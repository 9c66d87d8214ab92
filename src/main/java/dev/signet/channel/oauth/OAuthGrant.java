package dev.signet.channel.oauth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A brand account's OAuth 2.0 grant: the access and refresh tokens, <em>sealed</em> ({@link
 * dev.signet.secret.SecretBox}; the entity never holds them in plain text), their scopes and expiry, and its status.
 */
@Entity
@Table(name = "oauth_grant")
class OAuthGrant {

    private static final int FAILURE_LENGTH = 300;

    @Id
    @Column(name = "account_key")
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GrantStatus status;

    @Column(name = "access_token")
    private String sealedAccessToken;

    @Column(name = "refresh_token")
    private String sealedRefreshToken;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "connected_by", nullable = false)
    private String connectedBy;

    @Column(name = "connected_at", nullable = false)
    private Instant connectedAt;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column
    private String failure;

    protected OAuthGrant() {
    }

    OAuthGrant(String accountKey) {
        this.accountKey = accountKey;
    }

    /** A new grant from a code exchange (replacing whatever the account had). */
    void connected(String by, SealedTokens tokens, Instant now) {
        this.connectedBy = by;
        this.connectedAt = now;
        this.refreshedAt = null;
        this.revokedAt = null;
        tokensIssued(tokens);
    }

    /** New tokens from a refresh (X rotates the refresh token: the old one is spent). */
    void refreshed(SealedTokens tokens, Instant now) {
        this.refreshedAt = now;
        tokensIssued(tokens);
    }

    void refreshFailed(String why) {
        if (status != GrantStatus.REVOKED) {
            this.status = GrantStatus.REFRESH_FAILING;
            this.failure = why.length() > FAILURE_LENGTH ? why.substring(0, FAILURE_LENGTH) : why;
        }
    }

    /** Revoked (by an admin or on X): the tokens are dropped, not kept dead in the table. */
    void revoked(String why, Instant now) {
        this.status = GrantStatus.REVOKED;
        this.sealedAccessToken = null;
        this.sealedRefreshToken = null;
        this.revokedAt = now;
        this.failure = why;
    }

    private void tokensIssued(SealedTokens tokens) {
        this.status = GrantStatus.CONNECTED;
        this.sealedAccessToken = tokens.accessToken();
        this.sealedRefreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : this.sealedRefreshToken;
        this.scopes = tokens.scopes();
        this.expiresAt = tokens.expiresAt();
        this.failure = null;
    }

    /** The same tokens sealed again (with the current key). */
    void resealed(String accessToken, String refreshToken) {
        this.sealedAccessToken = accessToken;
        this.sealedRefreshToken = refreshToken;
    }

    boolean usable() {
        return status != GrantStatus.REVOKED && sealedAccessToken != null;
    }

    String accountKey() {
        return accountKey;
    }

    GrantStatus status() {
        return status;
    }

    String sealedAccessToken() {
        return sealedAccessToken;
    }

    String sealedRefreshToken() {
        return sealedRefreshToken;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    GrantView view(boolean configured) {
        return new GrantView(accountKey, configured, status.name(), scopes, expiresAt, connectedBy, connectedAt,
                refreshedAt, revokedAt, failure, sealedRefreshToken != null);
    }

    /**
     * Tokens as stored: sealed values, or null.
     *
     * @param accessToken  the sealed access token
     * @param refreshToken the sealed refresh token, or null when X gave none (no {@code offline.access})
     * @param scopes       the scopes X granted
     * @param expiresAt    when the access token expires
     */
    record SealedTokens(String accessToken, String refreshToken, String scopes, Instant expiresAt) {
    }
}
