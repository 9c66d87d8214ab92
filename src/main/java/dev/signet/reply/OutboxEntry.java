package dev.signet.reply;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import dev.signet.care.Message;

/** An outgoing message waiting for (or done with) publication; written in the same transaction as the message. */
@Entity
@Table(name = "outbox_entry")
public class OutboxEntry {

    @Id
    @GeneratedValue
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(Message message, Instant now) {
        this.message = message;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
    }

    public void sent(Instant now) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    public void failed(String reason, boolean retryLater) {
        status = retryLater ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public Long id() {
        return id;
    }

    public Message message() {
        return message;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
