package dev.signet.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A private message between two users of the fake X. */
@Entity
@Table(name = "sandbox_direct_message")
public class SandboxDirectMessage {

    @Id
    private Long id;

    @Column(name = "sender_id", nullable = false)
    private long senderId;

    @Column(name = "recipient_id", nullable = false)
    private long recipientId;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SandboxDirectMessage() {
        // for JPA
    }

    SandboxDirectMessage(long id, long senderId, long recipientId, String text, Instant createdAt) {
        this.id = id;
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.text = text;
        this.createdAt = createdAt;
    }

    public long getId() {
        return id;
    }

    public long getSenderId() {
        return senderId;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
