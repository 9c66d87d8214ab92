package dev.signet.insight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's message flagged for the brand manager, and why. */
@Entity
@Table(name = "flagged_message")
public class FlaggedMessage {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FlagReason reason;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "flagged_at", nullable = false)
    private Instant flaggedAt;

    protected FlaggedMessage() {
    }

    public FlaggedMessage(String accountKey, long messageId, FlagReason reason, Instant sentAt, Instant flaggedAt) {
        this.accountKey = accountKey;
        this.messageId = messageId;
        this.reason = reason;
        this.sentAt = sentAt;
        this.flaggedAt = flaggedAt;
    }
}
