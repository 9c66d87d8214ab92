package dev.signet.care.promise;

import java.time.Instant;
import java.time.ZoneId;

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

import dev.signet.care.Conversation;
import dev.signet.care.Message;
import dev.signet.channel.ChannelAccount;
import dev.signet.security.AppUser;

/**
 * An update promised to the customer when their conversation was set to "waiting on us": by when (an instant, and
 * the local time and zone of the brand account as the customer was told it), who promised it (whose initials sign
 * the scheduled update), the update to publish then if any, and how it ended ({@link PromiseOutcome}). Pending
 * while it is the conversation's current promise; settled by the conversation's own methods.
 */
@Entity
@Table(name = "update_promise")
public class UpdatePromise {

    /** How a promise was settled, as recorded (and shown on the customer's timeline). */
    public enum Settlement {
        /** An agent's reply (or a hand-off line) reached the customer. */
        REPLY,
        /** The scheduled update was published. */
        SCHEDULED_UPDATE,
        RESOLVED,
        WAITING_ON_CUSTOMER,
        /** A new promise took its place. */
        NEW_PROMISE
    }

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private ChannelAccount account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "made_by_user_id")
    private AppUser madeBy;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "due_local", nullable = false)
    private String dueLocal;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "update_text")
    private String updateText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromiseOutcome outcome;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "settled_how")
    private Settlement settledHow;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "update_message_id")
    private Message updateMessage;

    protected UpdatePromise() {
    }

    /**
     * A pending promise.
     *
     * @param updateText the update to publish at {@code dueAt} (unsigned, as the agent wrote it), or null
     */
    public UpdatePromise(Conversation conversation, AppUser madeBy, Instant dueAt, ZoneId zone, String updateText,
            Instant now) {
        this.conversation = conversation;
        this.account = conversation.account();
        this.madeBy = madeBy;
        this.madeAt = now;
        this.dueAt = dueAt;
        this.dueLocal = PromiseTime.local(dueAt, zone);
        this.timeZone = zone.getId();
        this.updateText = updateText;
        this.outcome = PromiseOutcome.PENDING;
    }

    /**
     * The promise ends: with an update that reached the customer at {@code at} (kept if on time, broken if late),
     * or without one (withdrawn before it was due, broken after).
     */
    public void settle(Instant at, Settlement how, boolean updateSent) {
        if (outcome != PromiseOutcome.PENDING) {
            return;
        }
        boolean onTime = !at.isAfter(dueAt);
        outcome = updateSent ? (onTime ? PromiseOutcome.KEPT : PromiseOutcome.BROKEN)
                : (onTime ? PromiseOutcome.WITHDRAWN : PromiseOutcome.BROKEN);
        settledAt = at;
        settledHow = how;
    }

    /** The scheduled update was stored for publication: the promise is kept (published on time by the outbox). */
    public void keptBy(Message update, Instant at) {
        outcome = PromiseOutcome.KEPT;
        settledAt = at;
        settledHow = Settlement.SCHEDULED_UPDATE;
        updateMessage = update;
    }

    /** The scheduled update could not be published (X would refuse it): the promise stays owed, without it. */
    public void dropUpdateText() {
        updateText = null;
    }

    public Long id() {
        return id;
    }

    public Conversation conversation() {
        return conversation;
    }

    public AppUser madeBy() {
        return madeBy;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String dueLocal() {
        return dueLocal;
    }

    public String timeZone() {
        return timeZone;
    }

    public String updateText() {
        return updateText;
    }

    public PromiseOutcome outcome() {
        return outcome;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Settlement settledHow() {
        return settledHow;
    }

    public Message updateMessage() {
        return updateMessage;
    }
}
