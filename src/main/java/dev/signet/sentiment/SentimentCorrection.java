package dev.signet.sentiment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agent's label for one inbound message (the latest one counts), or a labelled example a lead imported from an
 * evaluated file, kept per brand account for retraining.
 */
@Entity
@Table(name = "sentiment_correction")
public class SentimentCorrection {

    @Id
    @GeneratedValue
    private Long id;

    /** The corrected message; null for an example imported from an evaluated file, which keeps its {@link #text}. */
    @Column(name = "message_id")
    private Long messageId;

    private String text;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sentiment sentiment;

    @Column(name = "corrected_by", nullable = false)
    private long correctedBy;

    @Column(name = "corrected_at", nullable = false)
    private Instant correctedAt;

    /** The message's embedding once the retrainer computed it (it never changes: the text doesn't). */
    private byte[] features;

    protected SentimentCorrection() {
    }

    public SentimentCorrection(long messageId, String accountKey, Sentiment sentiment, long correctedBy, Instant now) {
        this.messageId = messageId;
        this.accountKey = accountKey;
        this.sentiment = sentiment;
        this.correctedBy = correctedBy;
        this.correctedAt = now;
    }

    /** A labelled example a lead imported from an evaluated file: it has no message, only its text. */
    public static SentimentCorrection imported(String accountKey, String text, Sentiment sentiment, long importedBy,
            Instant now) {
        SentimentCorrection c = new SentimentCorrection();
        c.accountKey = accountKey;
        c.text = text;
        c.sentiment = sentiment;
        c.correctedBy = importedBy;
        c.correctedAt = now;
        return c;
    }

    /** The agent changed their mind: the new label replaces the old one. */
    public void relabel(Sentiment sentiment, long correctedBy, Instant now) {
        this.sentiment = sentiment;
        this.correctedBy = correctedBy;
        this.correctedAt = now;
    }

    public void features(float[] vector) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        this.features = buffer.array();
    }

    /** The stored embedding, or null if not computed yet. */
    public float[] features() {
        if (features == null) {
            return null;
        }
        float[] vector = new float[features.length / Float.BYTES];
        java.nio.ByteBuffer.wrap(features).asFloatBuffer().get(vector);
        return vector;
    }

    public Long id() {
        return id;
    }

    /** The corrected message, or null for an imported example. */
    public Long messageId() {
        return messageId;
    }

    /** An imported example's text; null for the correction of a message. */
    public String text() {
        return text;
    }

    public String accountKey() {
        return accountKey;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    public Instant correctedAt() {
        return correctedAt;
    }
}
