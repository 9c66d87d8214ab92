package dev.signet.insight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signet.sentiment.MessageScored;
import dev.signet.sentiment.Sentiment;

/**
 * The class a message is counted under in the roll-ups. A message scored again (by a newer model) moves its
 * count from the old class to the new one instead of being counted twice.
 */
@Entity
@Table(name = "scored_message")
public class ScoredMessage {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sentiment sentiment;

    @Column(nullable = false)
    private double confidence;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    protected ScoredMessage() {
    }

    public ScoredMessage(MessageScored scored) {
        this.messageId = scored.messageId();
        this.accountKey = scored.accountKey();
        this.sentAt = scored.sentAt();
        rescored(scored);
    }

    /** Takes the newer score. */
    public void rescored(MessageScored scored) {
        this.sentiment = scored.sentiment();
        this.confidence = scored.confidence();
        this.modelVersion = scored.modelVersion() == null ? "unknown" : scored.modelVersion();
    }

    public Long messageId() {
        return messageId;
    }

    public String accountKey() {
        return accountKey;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Sentiment sentiment() {
        return sentiment;
    }
}
