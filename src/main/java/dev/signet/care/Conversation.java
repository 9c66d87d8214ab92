package dev.signet.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.signet.channel.ChannelAccount;
import dev.signet.customer.SocialIdentity;

/**
 * A conversation with one customer on one brand account: a public thread or a DM conversation. Its status
 * changes only through the methods below. {@code waitingSince} is the customer's clock for the current
 * unanswered message; {@code firstMessageAt} the start of the whole matter.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    private static final int PREVIEW_LENGTH = 300;

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private ChannelAccount account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "identity_id")
    private SocialIdentity identity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationStatus status;

    @Column(name = "first_message_at", nullable = false)
    private Instant firstMessageAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "last_preview", nullable = false)
    private String lastPreview;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_direction", nullable = false)
    private Direction lastDirection;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Conversation() {
    }

    /** A conversation opened by a customer's first message. */
    public Conversation(ChannelAccount account, SocialIdentity identity, ConversationKind kind, Instant firstMessageAt,
            Instant now) {
        this.account = account;
        this.identity = identity;
        this.kind = kind;
        this.status = ConversationStatus.NEW;
        this.firstMessageAt = firstMessageAt;
        this.lastMessageAt = firstMessageAt;
        this.lastPreview = "";
        this.lastDirection = Direction.IN;
        this.createdAt = now;
    }

    /** The customer wrote: the conversation needs us (again), and their clock runs from this message if idle. */
    public void customerWrote(String text, Instant sentAt) {
        if (status == ConversationStatus.RESOLVED) {
            resolvedAt = null;
        }
        status = status.afterCustomerMessage();
        if (waitingSince == null || sentAt.isBefore(waitingSince)) {
            waitingSince = sentAt;
        }
        if (firstMessageAt.isAfter(sentAt)) {
            firstMessageAt = sentAt;
        }
        touch(text, sentAt, Direction.IN);
    }

    /** An agent answered: the customer's next move. */
    public void agentAnswered(String text, Instant sentAt) {
        status = ConversationStatus.WAITING_ON_CUSTOMER;
        waitingSince = null;
        touch(text, sentAt, Direction.OUT);
    }

    private void touch(String text, Instant at, Direction direction) {
        if (!at.isBefore(lastMessageAt) || lastPreview.isEmpty()) {
            lastMessageAt = at.isAfter(lastMessageAt) ? at : lastMessageAt;
            lastPreview = text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH - 1) + "…" : text;
            lastDirection = direction;
        }
    }

    public Long id() {
        return id;
    }

    public ChannelAccount account() {
        return account;
    }

    public SocialIdentity identity() {
        return identity;
    }

    public ConversationKind kind() {
        return kind;
    }

    public ConversationStatus status() {
        return status;
    }

    public Instant firstMessageAt() {
        return firstMessageAt;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public String lastPreview() {
        return lastPreview;
    }

    public Direction lastDirection() {
        return lastDirection;
    }
}
