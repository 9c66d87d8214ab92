package dev.signet.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How one endpoint of one brand account stands. Rows are created at start for every configured account and then
 * changed only by targeted updates ({@link ChannelEndpointRepository}), so that the poller (mentions, DMs) and the
 * publisher, on whichever replicas they run, never write back each other's state.
 */
@Entity
@Table(name = "channel_endpoint")
class ChannelEndpoint {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false, updatable = false)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Endpoint endpoint;

    @Column(name = "last_success_at", updatable = false)
    private Instant lastSuccessAt;

    @Column(name = "last_error", updatable = false)
    private String lastError;

    @Column(name = "last_error_at", updatable = false)
    private Instant lastErrorAt;

    @Column(name = "consecutive_failures", nullable = false, updatable = false)
    private int consecutiveFailures;

    @Column(name = "blocked_until", updatable = false)
    private Instant blockedUntil;

    @Column(name = "next_read_at", updatable = false)
    private Instant nextReadAt;

    protected ChannelEndpoint() {
    }

    ChannelEndpoint(String accountKey, Endpoint endpoint) {
        this.accountKey = accountKey;
        this.endpoint = endpoint;
    }

    String accountKey() {
        return accountKey;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Instant blockedUntil() {
        return blockedUntil;
    }

    Instant nextReadAt() {
        return nextReadAt;
    }
}
