package dev.signet.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One move of a conversation's status: by an agent's hand ({@code userId}) or a reopening by the customer's new
 * message ({@code userId} null). Written once, never changed; the customer's timeline shows them.
 */
@Entity
@Table(name = "status_change")
public class StatusChange {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    private ConversationStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private ConversationStatus to;

    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private Instant at;

    protected StatusChange() {
    }

    public StatusChange(long conversationId, ConversationStatus from, ConversationStatus to, Long userId, Instant at) {
        this.conversationId = conversationId;
        this.from = from;
        this.to = to;
        this.userId = userId;
        this.at = at;
    }

    public Long conversationId() {
        return conversationId;
    }

    public ConversationStatus from() {
        return from;
    }

    public ConversationStatus to() {
        return to;
    }

    public Long userId() {
        return userId;
    }

    public Instant at() {
        return at;
    }
}
