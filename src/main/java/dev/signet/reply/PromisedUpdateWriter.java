package dev.signet.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.care.CareService;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.care.PriorityRule;
import dev.signet.care.QueueChanged;
import dev.signet.care.promise.ScheduledUpdateCheck;
import dev.signet.care.promise.UpdatePromise;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;

/**
 * The scheduled update of a promise: checked like a reply when the promise is made (signed with the promising
 * agent's initials, X's weighted length with the signature, X's public-reply rules), and stored with its outbox
 * entry when it falls due, in the same channel (a public reply to the customer's latest post, or a DM). Storing
 * settles the promise as kept in the same transaction, on the conversation's locked row, so a scheduled update is
 * stored once whatever the number of replicas and ticks; the outbox then publishes it exactly once on X.
 */
@ApplicationScoped
public class PromisedUpdateWriter implements ScheduledUpdateCheck {

    private static final Logger LOG = Logger.getLogger(PromisedUpdateWriter.class);
    private static final int BATCH = 50;

    private final EntityManager em;
    private final CareService care;
    private final MessageRepository messages;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final ReplyWriter replies;
    private final PriorityRule priority;
    private final Event<QueueChanged> changes;

    public PromisedUpdateWriter(EntityManager em, CareService care, MessageRepository messages, OutboxRepository outbox,
            ChannelConnectors connectors, ReplyWriter replies, PriorityRule priority, Event<QueueChanged> changes) {
        this.em = em;
        this.care = care;
        this.messages = messages;
        this.outbox = outbox;
        this.connectors = connectors;
        this.replies = replies;
        this.priority = priority;
        this.changes = changes;
    }

    @Override
    public void check(Conversation conversation, String text, AppUser agent) {
        if (!agent.canReply()) {
            throw ReplyRejectedException.noInitials();
        }
        String signed = sign(conversation, text, agent);
        int length = ReplyLength.measure(signed, conversation.kind());
        int limit = ReplyLength.limit(conversation.kind());
        if (length > limit) {
            throw new ReplyRejectedException(422, "reply-too-long", "Update too long",
                    "The update to send is " + length + " characters with your signature; X allows " + limit
                            + ". Shorten it by " + (length - limit) + ".");
        }
        if (conversation.kind() == ConversationKind.PUBLIC) {
            Message answered = messages.latestFromCustomer(conversation.id())
                    .orElseThrow(ReplyRejectedException::nothingToAnswer);
            Optional<ReplyRejectedException> refusal = replies.publicReplyRefusal(conversation, answered);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
        }
    }

    /** Conversations whose scheduled update is due at {@code now} (a hint: each is checked again under its lock). */
    @Transactional
    public List<Long> due(Instant now) {
        return em.createQuery("""
                select c.id from Conversation c join c.promise p
                where c.status = dev.signet.care.ConversationStatus.WAITING_ON_US
                and p.updateText is not null and c.promisedUpdateAt <= :now
                order by c.promisedUpdateAt""", Long.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
    }

    /**
     * Stores the conversation's scheduled update with its outbox entry if it is due at {@code now} and still
     * wanted (the conversation is still waiting on us with that promise pending); empty otherwise.
     */
    @Transactional
    public Optional<ReplyQueued> store(long conversationId, Instant now) {
        Conversation conversation = care.lock(conversationId);
        if (!conversation.scheduledUpdateDue(now)) {
            return Optional.empty();
        }
        UpdatePromise promise = conversation.promise();
        AppUser author = promise.madeBy();
        String inReplyTo = null;
        try {
            check(conversation, promise.updateText(), author);
            if (conversation.kind() == ConversationKind.PUBLIC) {
                inReplyTo = messages.latestFromCustomer(conversationId).map(Message::externalId).orElseThrow();
            }
        } catch (ReplyRejectedException e) {
            // Refused now although it passed when promised (e.g. the author lost their initials): the promise stays
            // owed and the queue shows it due; an agent answers by hand.
            LOG.warnf("promises: scheduled update of conversation %d not sent: %s", conversationId, e.detail());
            conversation.dropScheduledUpdate();
            return Optional.empty();
        }
        Message update = Message.fromAgent(conversation, author, sign(conversation, promise.updateText(), author),
                inReplyTo, now);
        messages.persist(update);
        OutboxEntry entry = new OutboxEntry(update, now);
        outbox.persist(entry);
        conversation.scheduledUpdateSent(update, now);
        conversation.prioritize(priority);
        changes.fire(QueueChanged.of(QueueChanged.Type.REPLIED, conversation, now));
        LOG.infof("promises: scheduled update of conversation %d stored for publication (outbox %d, signed ^%s)",
                conversationId, entry.id(), author.initials());
        return Optional.of(new ReplyQueued(entry.id(), conversationId));
    }

    private String sign(Conversation conversation, String text, AppUser agent) {
        return Signature.sign(text, connectors.signatureFormat(conversation.account().accountKey()), agent.initials());
    }
}
