package dev.signet.sentiment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sentiment score of one inbound message, as read back; written once by {@link SentimentScorer} (JDBC). */
@Entity
@Table(name = "message_sentiment")
public class MessageSentiment {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sentiment sentiment;

    @Column(nullable = false)
    private double confidence;

    @Column(name = "base_positive", nullable = false)
    private double basePositive;

    @Column(name = "base_neutral", nullable = false)
    private double baseNeutral;

    @Column(name = "base_negative", nullable = false)
    private double baseNegative;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;

    protected MessageSentiment() {
    }

    public long messageId() {
        return messageId;
    }

    public String accountKey() {
        return accountKey;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    public double confidence() {
        return confidence;
    }

    /** The shipped head's raw probabilities, in {@link Sentiment} order. */
    public double[] baseProbabilities() {
        return new double[] { basePositive, baseNeutral, baseNegative };
    }

    public String modelVersion() {
        return modelVersion;
    }

    public Instant scoredAt() {
        return scoredAt;
    }
}
