package dev.signet.channel.oauth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pending "Connect account": found by the SHA-256 of its {@code state} (the state itself is never stored), bound to
 * the admin who started it and to a random cookie of their browser (its SHA-256), with the PKCE verifier sealed.
 */
@Entity
@Table(name = "oauth_attempt")
class OAuthAttempt {

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private String username;

    @Column(name = "binding_hash", nullable = false)
    private String bindingHash;

    @Column(name = "code_verifier", nullable = false)
    private String sealedVerifier;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OAuthAttempt() {
    }

    OAuthAttempt(String stateHash, String accountKey, String username, String bindingHash, String sealedVerifier,
            Instant createdAt, Instant expiresAt) {
        this.stateHash = stateHash;
        this.accountKey = accountKey;
        this.username = username;
        this.bindingHash = bindingHash;
        this.sealedVerifier = sealedVerifier;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String accountKey() {
        return accountKey;
    }

    String username() {
        return username;
    }

    String bindingHash() {
        return bindingHash;
    }

    String sealedVerifier() {
        return sealedVerifier;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
