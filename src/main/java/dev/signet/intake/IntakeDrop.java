package dev.signet.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many messages intake dropped for one account and one reason: noise is counted, never lost silently. */
@Entity
@Table(name = "intake_drop")
public class IntakeDrop {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private long dropped;

    @Column(name = "last_external_id")
    private String lastExternalId;

    @Column(name = "last_dropped_at", nullable = false)
    private Instant lastDroppedAt;

    protected IntakeDrop() {
    }

    public String accountKey() {
        return accountKey;
    }

    public String reason() {
        return reason;
    }

    public long dropped() {
        return dropped;
    }

    public Instant lastDroppedAt() {
        return lastDroppedAt;
    }
}
