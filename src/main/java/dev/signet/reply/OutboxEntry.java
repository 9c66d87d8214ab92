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

    /** When the current (or last) attempt started. */
    @Column(name = "claimed_at")
    private Instant claimedAt;

    /** When the first attempt started: from then on the reply may be on the network. */
    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;

    /** When the sweeper may make the next attempt after a passing failure. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /**
     * Why X accepted the message (2xx) without an answer naming its id: the entry is SENT all the same, and the id
     * is looked up later; kept once the id is found.
     */
    @Column(name = "id_unknown_reason")
    private String idUnknownReason;

    /** Look-ups made so far for the id of a message sent without one (bounded: each costs X requests). */
    @Column(name = "id_lookups", nullable = false)
    private int idLookups;

    /** The client's Idempotency-Key when the reply came with one: a retry with the same key gets this reply back. */
    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    protected OutboxEntry() {
    }

    public OutboxEntry(Message message, Instant now) {
        this(message, now, null);
    }

    /** An entry for a reply sent with the client's {@code idempotencyKey} (null: none). */
    public OutboxEntry(Message message, Instant now, String idempotencyKey) {
        this.message = message;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.idempotencyKey = idempotencyKey;
    }

    public void sent(Instant now) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        lastError = null;
        nextAttemptAt = null;
    }

    /** X accepted the message (2xx) but its answer named no usable id: sent, never to be sent again. */
    void sentWithoutId(Instant now, String reason) {
        sent(now);
        String kept = "Sent, X id unknown: " + reason;
        idUnknownReason = kept.length() > 500 ? kept.substring(0, 500) : kept;
    }

    /** SENT without X's id, which a look-up has not found yet. */
    boolean idUnknown() {
        return status == DeliveryStatus.SENT && idUnknownReason != null && message.externalId() == null;
    }

    int idLookups() {
        return idLookups;
    }

    /** What the agent is told: the last failure, or for a message sent without X's id, why. */
    public String reason() {
        return lastError != null ? lastError : idUnknownReason;
    }

    /**
     * An attempt starts (the entry was just claimed): returns whether an earlier attempt may have reached the
     * network, so that the publisher looks for the reply there before sending it again.
     */
    boolean attemptStarted(Instant now) {
        boolean attemptedBefore = firstAttemptAt != null;
        if (!attemptedBefore) {
            firstAttemptAt = now;
        }
        return attemptedBefore;
    }

    /** The attempt failed: wait until {@code retryAt} for the next one, or (null) give up and show the agent. */
    public void failed(String reason, Instant retryAt) {
        status = retryAt != null ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        nextAttemptAt = retryAt;
        lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** An agent asks to publish a FAILED reply again: a fresh budget of attempts, right away. */
    void retryRequested(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public Instant firstAttemptAt() {
        return firstAttemptAt;
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
