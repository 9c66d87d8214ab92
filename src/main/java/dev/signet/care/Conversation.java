package dev.signet.care;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

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

import dev.signet.care.promise.UpdatePromise;
import dev.signet.channel.ChannelAccount;
import dev.signet.customer.LoyaltyTier;
import dev.signet.customer.SocialIdentity;
import dev.signet.sentiment.Sentiment;
import dev.signet.security.AppUser;

/**
 * A conversation with one customer on one brand account: a public thread or a DM conversation. Its status
 * changes only through the methods below ({@link ConversationStatus} says which moves are allowed).
 * {@code waitingSince} is when the current unanswered message was written; the customer's clock runs from
 * {@code firstMessageAt} to {@code resolvedAt} across reopenings. A claim ({@code heldBy} until
 * {@code heldUntil}) is a lease: once it runs out the conversation counts as free. The priority is stored as
 * static points and an order key ({@link PriorityRule}), recomputed by {@link #prioritize} after each change.
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

    @Column(name = "priority_points", nullable = false)
    private int priorityPoints;

    @Column(name = "queue_key")
    private Instant queueKey;

    @Column(name = "contact_count", nullable = false)
    private int contactCount = 1;

    @Enumerated(EnumType.STRING)
    private Sentiment sentiment;

    @Column(name = "sentiment_at")
    private Instant sentimentAt;

    @Column(name = "promised_update_at")
    private Instant promisedUpdateAt;

    /** The pending promised update ({@code promisedUpdateAt} is its due time), or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "promise_id")
    private UpdatePromise promise;

    /** Whether the queue counts the pending promise yet (from its lead time before it is due). */
    @Column(name = "promise_raised", nullable = false)
    private boolean promiseRaised;

    @Column(nullable = false)
    private boolean escalated;

    /** Our first response (reply, hand-off line or scheduled update), for service levels (V160). */
    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    /** When the next service-level target falls due and which ({@link ServiceLevelClock}), or null (V160). */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    @Column(name = "sla_target")
    private String slaTarget;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "held_by_user_id")
    private AppUser heldBy;

    @Column(name = "held_until")
    private Instant heldUntil;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "handled_by_user_id")
    private AppUser handledBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_agent_user_id")
    private AppUser previousAgent;

    @Column(name = "offered_until")
    private Instant offeredUntil;

    @Column(name = "matter_id")
    private Long matterId;

    /** Another customer's conversation this one grew out of (a reply to their post), or null (V105). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "related_conversation_id")
    private Conversation related;

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

    /**
     * The customer wrote: the conversation needs us (again), and their clock runs from this message if idle. A
     * resolved conversation is reopened and the contact counted (a repeat contact); so is a message after the
     * conversation was quiet (nothing either way) for at least {@code contactGap}: the customer came back.
     * Returns which kind of contact the message is.
     */
    public Contact customerWrote(String text, Instant sentAt, Duration contactGap) {
        Contact contact = ContactRule.classify(status == ConversationStatus.RESOLVED, lastMessageAt, sentAt, contactGap);
        if (contact == Contact.REOPENED) {
            resolvedAt = null;
        }
        if (contact.counts()) {
            contactCount++;
        }
        status = status.afterCustomerMessage();
        if (waitingSince == null || sentAt.isBefore(waitingSince)) {
            waitingSince = sentAt;
        }
        if (firstMessageAt.isAfter(sentAt)) {
            firstMessageAt = sentAt;
        }
        touch(text, sentAt, Direction.IN);
        return contact;
    }

    /** An agent answered: the customer's next move. The answer is the promised update, if one was owed. */
    public void agentAnswered(String text, Instant sentAt) {
        status = status.afterAgentReply();
        waitingSince = null;
        responded(sentAt);
        settlePromise(sentAt, UpdatePromise.Settlement.REPLY, true);
        touch(text, sentAt, Direction.OUT);
    }

    /**
     * An agent sets "waiting on us" (background work, e.g. tracing a delivery), promising the customer the next
     * update by {@code dueAt}, optionally with the update to publish then. Allowed from the moves of
     * {@link ConversationStatus#agentMayChangeTo}, and while waiting on us with no promise pending (after a scheduled
     * update went out). A promise still pending is replaced (withdrawn, or broken if already due). Until its lead
     * time before {@code dueAt} the promise stands in for the customer's waiting time: the conversation sleeps at
     * the end of the queue; then the queue raises it ({@link #raisePromise}).
     *
     * @return the new promise, to be stored
     */
    public UpdatePromise waitOnUs(AppUser agent, Instant dueAt, ZoneId zone, String updateText, Instant now,
            Duration leadTime) {
        if (!mayWaitOnUs()) {
            throw StatusChangeException.notAllowed(status, ConversationStatus.WAITING_ON_US);
        }
        settlePromise(now, UpdatePromise.Settlement.NEW_PROMISE, false);
        UpdatePromise made = new UpdatePromise(this, agent, dueAt, zone, updateText, now);
        promise = made;
        promisedUpdateAt = dueAt;
        promiseRaised = !now.isBefore(dueAt.minus(leadTime));
        waitingSince = null;
        status = ConversationStatus.WAITING_ON_US;
        return made;
    }

    /** Whether an agent may set waiting on us (with a promise) now. */
    public boolean mayWaitOnUs() {
        return status.agentMayWaitOnUs(promise != null);
    }

    /** The promise's lead time has started: it counts in the queue from now on. Returns whether anything changed. */
    public boolean raisePromise() {
        if (promise == null || promiseRaised) {
            return false;
        }
        promiseRaised = true;
        return true;
    }

    /**
     * The scheduled update of the pending promise was stored for publication: the promise is kept; the conversation
     * stays waiting on us (the work goes on) and waits again from now, until someone moves it or promises the next
     * update.
     */
    public void scheduledUpdateSent(Message update, Instant at) {
        promise.keptBy(update, at);
        clearPromise();
        responded(at);
        waitingSince = at;
        touch(update.text(), at, Direction.OUT);
    }

    /** Whether the pending promise's scheduled update may go out now: only while still waiting on us. */
    public boolean scheduledUpdateDue(Instant now) {
        return promise != null && status == ConversationStatus.WAITING_ON_US && promise.updateText() != null
                && !now.isBefore(promise.dueAt());
    }

    /** X would refuse the scheduled update: the promise stays owed, to be answered by hand. */
    public void dropScheduledUpdate() {
        if (promise != null) {
            promise.dropUpdateText();
        }
    }

    private void settlePromise(Instant at, UpdatePromise.Settlement how, boolean updateSent) {
        if (promise != null) {
            promise.settle(at, how, updateSent);
            clearPromise();
        }
    }

    private void clearPromise() {
        promise = null;
        promisedUpdateAt = null;
        promiseRaised = false;
    }

    /**
     * An agent moves the conversation to {@code target} (only along {@link ConversationStatus#agentMayChangeTo}).
     * Waiting on us needs a promise ({@link #waitOnUs}); waiting on the customer stops the waiting time; resolving
     * stops the customer's clock and frees the claim; reopening starts waiting again. Waiting on the customer and
     * resolving close a pending promise without an update (withdrawn, or broken once due); reopening keeps it owed.
     */
    public void changeStatus(ConversationStatus target, Instant now) {
        if (!status.agentMayChangeTo(target)) {
            throw StatusChangeException.notAllowed(status, target);
        }
        switch (target) {
            case WAITING_ON_US -> throw StatusChangeException.promiseRequired();
            case WAITING_ON_CUSTOMER -> {
                waitingSince = null;
                settlePromise(now, UpdatePromise.Settlement.WAITING_ON_CUSTOMER, false);
            }
            case RESOLVED -> {
                resolvedAt = now;
                waitingSince = null;
                // Continuity: whoever held it when it was resolved handled it.
                handledBy = heldBy != null ? heldBy : handledBy;
                offeredUntil = null;
                heldBy = null;
                heldUntil = null;
                settlePromise(now, UpdatePromise.Settlement.RESOLVED, false);
            }
            case OPEN -> {
                resolvedAt = null;
                waitingSince = waitingSince == null ? now : waitingSince;
            }
            case NEW -> throw StatusChangeException.notAllowed(status, target);
        }
        status = target;
    }

    /** The agent who holds the conversation now, if their lease has not run out. */
    public Optional<AppUser> holder(Instant now) {
        return heldBy != null && heldUntil != null && heldUntil.isAfter(now) ? Optional.of(heldBy) : Optional.empty();
    }

    /** Whether someone other than {@code agent} holds it now. */
    public boolean heldByOther(AppUser agent, Instant now) {
        return holder(now).filter(holder -> !holder.id().equals(agent.id())).isPresent();
    }

    /** {@code agent} takes (or renews) the claim for {@code lease}; refused while someone else holds it. */
    public void claim(AppUser agent, Instant now, Duration lease, String action) {
        if (heldByOther(agent, now)) {
            throw new ConversationHeldException(id, heldBy, heldUntil, action);
        }
        heldBy = agent;
        heldUntil = now.plus(lease);
        handledBy = agent;
        // Someone took it: the continuity offer (if any) has served its purpose.
        offeredUntil = null;
    }

    /**
     * Renews the holder's lease while they work on the conversation; writes only when half the lease is gone, so
     * that page activity does not update the row on every keystroke. Returns whether anything changed.
     */
    public boolean keepAlive(AppUser agent, Instant now, Duration lease) {
        boolean mine = holder(now).filter(holder -> holder.id().equals(agent.id())).isPresent();
        if (!mine || heldUntil.isAfter(now.plus(lease.dividedBy(2)))) {
            return false;
        }
        heldUntil = now.plus(lease);
        return true;
    }

    /** The holder lets go. */
    public void release(AppUser agent, Instant now) {
        if (holder(now).filter(holder -> holder.id().equals(agent.id())).isEmpty()) {
            throw StatusChangeException.notHolder(id);
        }
        heldBy = null;
        heldUntil = null;
    }

    /** {@code from} hands the conversation to {@code to}, who holds it from now on for a fresh lease. */
    public void handOff(AppUser from, AppUser to, Instant now, Duration lease) {
        if (heldByOther(from, now)) {
            throw new ConversationHeldException(id, heldBy, heldUntil, "hand it over");
        }
        heldBy = to;
        heldUntil = now.plus(lease);
        handledBy = to;
        offeredUntil = null;
    }

    /**
     * Continuity: the customer's conversation started or reopened and {@code agent} handled them before; it is
     * offered to them until {@code until}, or (null) only noted as "handled before by".
     */
    public void offerTo(AppUser agent, Instant until) {
        previousAgent = agent;
        offeredUntil = until;
    }

    /** The offered agent went away: the offer ends now (the note of who handled it before stays). */
    public void withdrawOffer(Instant now) {
        if (offeredUntil != null && offeredUntil.isAfter(now)) {
            offeredUntil = now;
        }
    }

    /** The agent the conversation is offered to now, if the offer has not run out and nobody holds it. */
    public Optional<AppUser> offeredTo(Instant now) {
        return previousAgent != null && offeredUntil != null && offeredUntil.isAfter(now) && holder(now).isEmpty()
                ? Optional.of(previousAgent) : Optional.empty();
    }

    /** Escalates to the leads (the caller records why); false if it already was. */
    public boolean escalate() {
        if (escalated) {
            return false;
        }
        escalated = true;
        return true;
    }

    /** A lead takes the escalation back (the caller records why); false if it was not escalated. */
    public boolean deescalate() {
        if (!escalated) {
            return false;
        }
        escalated = false;
        return true;
    }

    /** An agent said this conversation is about the same matter as the one whose matter is {@code matterRoot}. */
    public void joinMatter(long matterRoot) {
        if (id != null && id == matterRoot) {
            throw new IllegalArgumentException("a conversation is not linked to itself");
        }
        matterId = matterRoot;
    }

    /**
     * This conversation grew out of {@code other}, another customer's (its customer replied to a post there).
     * Only the first such link is kept: it says where the customer joined in.
     */
    public void relateTo(Conversation other) {
        if (other == this) {
            throw new IllegalArgumentException("a conversation is not related to itself");
        }
        if (related == null) {
            related = other;
        }
    }

    /** The conversation this one grew out of, or null; see {@link #relateTo}. */
    public Conversation related() {
        return related;
    }

    /** The first conversation of this conversation's matter (itself unless linked). */
    public long matterRoot() {
        return matterId != null ? matterId : id;
    }

    /** The sentiment of a scored customer message; only the latest message's counts. */
    public boolean sentimentScored(Sentiment scored, Instant messageSentAt) {
        if (sentimentAt != null && messageSentAt.isBefore(sentimentAt)) {
            return false;
        }
        sentiment = scored;
        sentimentAt = messageSentAt;
        return true;
    }

    /** What the priority is computed from. Reads the customer's tier: load the identity's customer with it. */
    public PriorityRule.Inputs priorityInputs() {
        // A promise counts from its lead time before it is due (raised); until then it does not move the order.
        return new PriorityRule.Inputs(tier(), contactCount, sentiment, waitingSince,
                promiseRaised ? promisedUpdateAt : null, escalated,
                slaDueAt == null ? null : new ServiceLevelClock.Due(slaTarget, slaDueAt));
    }

    private LoyaltyTier tier() {
        return identity.customer() == null ? LoyaltyTier.NONE : identity.customer().loyaltyTier();
    }

    private void responded(Instant at) {
        if (firstResponseAt == null || at.isBefore(firstResponseAt)) {
            firstResponseAt = at;
        }
    }

    /**
     * Recomputes the stored priority after a change; resolved conversations leave the queue's order. The next
     * service-level target's due time is stored with it (an input like the others).
     */
    public void prioritize(PriorityRule rule) {
        ServiceLevelClock.Due due = status.open() ? rule.slaDue(new ServiceLevelClock.Facts(account.accountKey(),
                tier(), kind, firstMessageAt, firstResponseAt, waitingSince, promise != null)) : null;
        slaDueAt = due == null ? null : due.at();
        slaTarget = due == null ? null : due.target();
        PriorityRule.Inputs inputs = priorityInputs();
        priorityPoints = rule.staticPoints(inputs);
        queueKey = status.open() ? rule.queueKey(inputs) : null;
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

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public int priorityPoints() {
        return priorityPoints;
    }

    public Instant queueKey() {
        return queueKey;
    }

    public int contactCount() {
        return contactCount;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    public Instant promisedUpdateAt() {
        return promisedUpdateAt;
    }

    /** The pending promised update, or null. */
    public UpdatePromise promise() {
        return promise;
    }

    public boolean promiseRaised() {
        return promiseRaised;
    }

    public boolean escalated() {
        return escalated;
    }

    /** The holder as stored, even if the lease ran out; see {@link #holder(Instant)}. */
    public AppUser heldBy() {
        return heldBy;
    }

    public Instant heldUntil() {
        return heldUntil;
    }

    /** Who last had it in hand (claimed, got it by hand-off, held it at resolution), or null. */
    public AppUser handledBy() {
        return handledBy;
    }

    /** Who handled the customer before this conversation started or reopened, or null. */
    public AppUser previousAgent() {
        return previousAgent;
    }

    public Instant offeredUntil() {
        return offeredUntil;
    }

    /** Our first response, or null. */
    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    /** When the next service-level target falls due, or null. */
    public Instant slaDueAt() {
        return slaDueAt;
    }

    /** Which target {@link #slaDueAt} is, e.g. {@code first response}, or null. */
    public String slaTarget() {
        return slaTarget;
    }

    /** The first conversation of the matter when linked to an earlier one, or null. */
    public Long matterId() {
        return matterId;
    }
}
