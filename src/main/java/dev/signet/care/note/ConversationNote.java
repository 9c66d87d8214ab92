package dev.signet.care.note;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An internal note on a conversation, written by a colleague for colleagues. It has no outbox entry and no
 * network id: nothing ever publishes it.
 */
@Entity
@Table(name = "conversation_note")
public class ConversationNote {

    /** The column's size. */
    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "author_user_id", nullable = false)
    private Long authorUserId;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ConversationNote() {
    }

    public ConversationNote(long conversationId, long authorUserId, String text, Instant now) {
        this.conversationId = conversationId;
        this.authorUserId = authorUserId;
        this.text = text;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public Long conversationId() {
        return conversationId;
    }

    public Long authorUserId() {
        return authorUserId;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
