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

    /** Market feedback only: what it is about, the agent's note, and who reported it (kept, never shown as blame). */
    @Enumerated(EnumType.STRING)
    private FeedbackCategory category;

    private String note;

    @Column(name = "flagged_by")
    private Long flaggedBy;

    /** The message's conversation (V121), so a conversation's flags are read from this table alone. */
    @Column(name = "conversation_id")
    private Long conversationId;

    protected FlaggedMessage() {
    }

    public FlaggedMessage(String accountKey, long messageId, long conversationId, FlagReason reason, Instant sentAt,
            Instant flaggedAt) {
        this.accountKey = accountKey;
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.reason = reason;
        this.sentAt = sentAt;
        this.flaggedAt = flaggedAt;
    }

    /** An agent's market-feedback flag. */
    public static FlaggedMessage marketFeedback(String accountKey, long messageId, long conversationId, Instant sentAt,
            FeedbackCategory category, String note, long flaggedBy, Instant now) {
        FlaggedMessage flag = new FlaggedMessage(accountKey, messageId, conversationId, FlagReason.MARKET_FEEDBACK, sentAt,
                now);
        flag.describe(category, note, flaggedBy);
        return flag;
    }

    /** Flagging again changes the category and note; the first reporter and time stay. */
    public void describe(FeedbackCategory category, String note, long flaggedBy) {
        this.category = category;
        this.note = note;
        if (this.flaggedBy == null) {
            this.flaggedBy = flaggedBy;
        }
    }

    public long messageId() {
        return messageId;
    }

    public FeedbackCategory category() {
        return category;
    }

    public String note() {
        return note;
    }

    public Instant flaggedAt() {
        return flaggedAt;
    }
}
