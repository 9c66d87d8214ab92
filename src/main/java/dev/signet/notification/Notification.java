package dev.signet.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing one user is told, with the conversation it is about; read once the user has seen it. */
@Entity
@Table(name = "notification")
public class Notification {

    static final int MAX_TEXT = 500;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    @Column(nullable = false)
    private String text;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(long userId, NotificationKind kind, String text, Long conversationId, Instant createdAt) {
        this(userId, kind, text, conversationId, null, createdAt);
    }

    /** One about a customer (e.g. a mention in a customer note), or about both a conversation and its customer. */
    public Notification(long userId, NotificationKind kind, String text, Long conversationId, Long customerId,
            Instant createdAt) {
        this.userId = userId;
        this.customerId = customerId;
        this.kind = kind;
        this.text = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
        this.conversationId = conversationId;
        this.createdAt = createdAt;
    }

    /** Marks it read; reading it again keeps the first moment. */
    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Long userId() {
        return userId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public Long conversationId() {
        return conversationId;
    }

    public Long customerId() {
        return customerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }
}
