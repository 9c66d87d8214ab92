package dev.signet.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.signet.care.csat.CsatService;
import dev.signet.care.promise.PromiseRequest;
import dev.signet.care.promise.PromiseTime;
import dev.signet.care.promise.ScheduledUpdateCheck;
import dev.signet.care.promise.UpdatePromiseRepository;
import dev.signet.channel.AccountTimeZones;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;

/**
 * What agents do to a conversation besides replying: claim, release, hand off, change its status (with the update
 * promised to the customer when it is set to waiting on us). Each runs in
 * one transaction on the conversation's row locked for update, so two agents acting at once are served one
 * after the other (the second sees the first one's claim), and announces the change to the live queue.
 */
@ApplicationScoped
public class CareService {

    private final ConversationRepository conversations;
    private final HandOffRepository handOffs;
    private final StatusChangeRepository statusChanges;
    private final AppUserRepository users;
    private final PriorityRule priority;
    private final CareConfig config;
    private final Event<QueueChanged> changes;
    private final Clock clock;
    private final UpdatePromiseRepository promises;
    private final AccountTimeZones zones;
    private final ScheduledUpdateCheck updateCheck;
    private final CsatService csat;

    public CareService(ConversationRepository conversations, HandOffRepository handOffs,
            StatusChangeRepository statusChanges, AppUserRepository users, PriorityRule priority, CareConfig config,
            Event<QueueChanged> changes, Clock clock, UpdatePromiseRepository promises, AccountTimeZones zones,
            ScheduledUpdateCheck updateCheck, CsatService csat) {
        this.promises = promises;
        this.zones = zones;
        this.updateCheck = updateCheck;
        this.conversations = conversations;
        this.handOffs = handOffs;
        this.statusChanges = statusChanges;
        this.users = users;
        this.priority = priority;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
        this.csat = csat;
    }

    /** The agent takes the conversation (or renews their claim); refused with 409 while someone else holds it. */
    @Transactional
    public void claim(long id, AppUser agent) {
        Instant now = clock.instant();
        Conversation conversation = lock(id);
        conversation.claim(agent, now, config.claimLease(), "claim it");
        changes.fire(QueueChanged.of(QueueChanged.Type.CLAIMED, conversation, now));
    }

    /** The holder lets the conversation go back to the queue. */
    @Transactional
    public void release(long id, AppUser agent) {
        Instant now = clock.instant();
        Conversation conversation = lock(id);
        conversation.release(agent, now);
        changes.fire(QueueChanged.of(QueueChanged.Type.RELEASED, conversation, now));
    }

    /** Renews the holder's lease while they work on the conversation (page activity); no-op for anyone else. */
    @Transactional
    public void keepAlive(long id, AppUser agent) {
        Conversation conversation = conversations.findByIdOptional(id).orElseThrow(() -> new ConversationNotFoundException(id));
        conversation.keepAlive(agent, clock.instant(), config.claimLease());
    }

    /**
     * The agent changes the status (see {@link ConversationStatus#agentMayChangeTo}); refused while someone else
     * holds the conversation. Waiting on us needs a promise: use {@link #changeStatus(long, ConversationStatus,
     * PromiseRequest, AppUser)}.
     */
    @Transactional
    public ConversationStatus changeStatus(long id, ConversationStatus target, AppUser agent) {
        return changeStatus(id, target, null, agent);
    }

    /**
     * The agent changes the status; setting waiting on us records the update promised to the customer (by when,
     * read in the account's time zone, and optionally the update to publish then). Everything is checked before
     * anything changes: a refused request stores nothing.
     */
    @Transactional
    public ConversationStatus changeStatus(long id, ConversationStatus target, PromiseRequest promise, AppUser agent) {
        Instant now = clock.instant();
        Conversation conversation = lock(id);
        if (conversation.heldByOther(agent, now)) {
            throw new ConversationHeldException(id, conversation.heldBy(), conversation.heldUntil(), "change its status");
        }
        ConversationStatus from = conversation.status();
        if (target == ConversationStatus.WAITING_ON_US) {
            if (!conversation.mayWaitOnUs()) {
                throw StatusChangeException.notAllowed(conversation.status(), target);
            }
            ZoneId zone = zones.of(conversation.account().accountKey());
            Instant due = PromiseTime.parse(promise == null ? null : promise.promisedUpdateAt(), zone, now,
                    config.promiseMaxAhead());
            String text = promise.text();
            if (text != null) {
                updateCheck.check(conversation, text, agent);
            }
            promises.persist(conversation.waitOnUs(agent, due, zone, text, now, config.promiseLeadTime()));
        } else {
            if (promise != null && promise.given()) {
                throw StatusChangeException.promiseOnlyWhenWaitingOnUs();
            }
            conversation.changeStatus(target, now);
        }
        statusChanges.persist(new StatusChange(id, from, target, agent.id(), now));
        conversation.prioritize(priority);
        if (target == ConversationStatus.RESOLVED) {
            // CSAT: the survey is scheduled now, signed later by the agent who resolved it.
            csat.resolved(conversation, agent, now);
        }
        changes.fire(QueueChanged.of(target == ConversationStatus.RESOLVED ? QueueChanged.Type.RESOLVED
                : QueueChanged.Type.STATUS_CHANGED, conversation, now));
        return conversation.status();
    }

    /**
     * Records a hand-off from {@code from} to the user named {@code toUsername}, who holds the conversation from
     * now on. Runs in the caller's transaction when there is one (the reply service adds the customer's line).
     */
    @Transactional
    public HandOff handOff(long id, AppUser from, String toUsername, String reason, String customerLine) {
        if (reason == null || reason.isBlank()) {
            throw HandOffRejectedException.reasonRequired();
        }
        if (reason.length() > 500) {
            throw HandOffRejectedException.reasonTooLong();
        }
        AppUser to = toUsername == null ? null : users.findByUsername(toUsername).orElse(null);
        if (to == null || !to.canReply()) {
            throw HandOffRejectedException.unknownAgent(toUsername);
        }
        if (to.id().equals(from.id())) {
            throw HandOffRejectedException.toSelf();
        }
        Instant now = clock.instant();
        Conversation conversation = lock(id);
        conversation.handOff(from, to, now, config.claimLease());
        HandOff handOff = new HandOff(conversation, from, to, reason.strip(), customerLine, now);
        handOffs.persist(handOff);
        changes.fire(QueueChanged.of(QueueChanged.Type.HANDED_OFF, conversation, now));
        return handOff;
    }

    /** The conversation's row, locked until the transaction ends. */
    public Conversation lock(long id) {
        return conversations.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ConversationNotFoundException(id));
    }
}
