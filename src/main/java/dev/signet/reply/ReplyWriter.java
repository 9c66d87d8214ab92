package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import jakarta.enterprise.event.Event;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.care.CareConfig;
import dev.signet.care.CareService;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationRepository;
import dev.signet.care.HandOff;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.care.PriorityRule;
import dev.signet.care.QueueChanged;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;

/**
 * Checks a reply and stores it, signed, with its outbox entry in one transaction: either both exist or
 * neither does. Publication happens after commit ({@link ReplyDispatcher}, {@link ReplyPublisher}). The
 * conversation's row is locked for the transaction: a reply to a conversation another agent holds is refused
 * (409), and replying takes or renews the writer's own claim, so two agents never both answer.
 */
@ApplicationScoped
public class ReplyWriter {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final CareService care;
    private final CareConfig careConfig;
    private final PriorityRule priority;
    private final Event<QueueChanged> changes;
    private final Clock clock;
    private final AuditTrail audit;

    public ReplyWriter(ConversationRepository conversations, MessageRepository messages, OutboxRepository outbox,
            ChannelConnectors connectors, CareService care, CareConfig careConfig, PriorityRule priority,
            Event<QueueChanged> changes, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.connectors = connectors;
        this.care = care;
        this.careConfig = careConfig;
        this.priority = priority;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The signed length of a draft, for the live counter, and why X would refuse a public reply here (so the agent
     * learns it before writing one).
     */
    @Transactional
    public ReplyPreview preview(long conversationId, String draft, AppUser agent) {
        Conversation conversation = find(conversationId);
        // Typing counts as working on it: the holder's claim is renewed (written at most every half lease).
        conversation.keepAlive(agent, clock.instant(), careConfig.claimLease());
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String initials = agent.initials() == null ? "??" : agent.initials();
        String signed = Signature.sign(draft == null ? "" : draft, format, initials);
        String refusal = null;
        if (conversation.kind() == ConversationKind.PUBLIC) {
            refusal = messages.latestFromCustomer(conversationId)
                    .flatMap(answered -> publicReplyRefusal(conversation, answered))
                    .map(ReplyRejectedException::detail)
                    .orElse(null);
        }
        return new ReplyPreview(Signature.render(format, initials), ReplyLength.measure(signed, conversation.kind()),
                ReplyLength.limit(conversation.kind()), refusal, CannedTemplate.unfilled(draft));
    }

    /**
     * The customer post a reply would answer: the one {@code inReplyTo} names (message id or X id; refused unless
     * a customer post of this conversation), else the latest post of the conversation's customer. Empty when the
     * conversation has no customer post on the network yet.
     */
    @Transactional
    public Optional<ReplyTarget> target(long conversationId, String inReplyTo) {
        Conversation conversation = find(conversationId);
        return answered(conversation, inReplyTo).map(m -> ReplyTarget.of(conversation, m));
    }

    /** {@link #store(long, String, String, AppUser)} answering the default post. */
    @Transactional
    public ReplyQueued store(long conversationId, String text, AppUser agent) {
        return store(conversationId, text, null, agent);
    }

    /**
     * Stores the signed reply and its outbox entry; returns what the publisher needs to find them. A public reply
     * answers the post {@code inReplyTo} names (see {@link #target}); a DM goes to the DM partner whichever
     * message it answers.
     */
    @Transactional
    public ReplyQueued store(long conversationId, String text, String inReplyTo, AppUser agent) {
        return store(conversationId, text, inReplyTo, null, agent).queued();
    }

    /**
     * {@link #store(long, String, String, AppUser)} for a client that names its request with an
     * {@code idempotencyKey}: when a reply was stored under that key already (the client retries after a timeout, a
     * lost answer, a restart), that reply is returned and nothing new is stored, even if the conversation has
     * changed hands since; the key used for another reply (other conversation, agent or text) is refused (422).
     * The conversation's row lock orders two requests with one key: the second sees the first's reply.
     */
    @Transactional
    StoredReply store(long conversationId, String text, String inReplyTo, String idempotencyKey, AppUser agent) {
        if (text == null || text.isBlank()) {
            throw ReplyRejectedException.empty();
        }
        Conversation conversation = care.lock(conversationId);
        if (!agent.canReply()) {
            throw ReplyRejectedException.noInitials();
        }
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String signed = Signature.sign(text, format, agent.initials());
        if (idempotencyKey != null) {
            Optional<OutboxEntry> earlier = outbox.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                Message stored = earlier.get().message();
                if (stored.conversation().id() != conversationId || !stored.authorUser().id().equals(agent.id())
                        || !stored.text().equals(signed)) {
                    throw ReplyRejectedException.keyReused();
                }
                return new StoredReply(new ReplyQueued(earlier.get().id(), conversationId), true);
            }
        }
        Optional<Message> answered = answered(conversation, inReplyTo);
        ReplyQueued queued = write(conversation, signed, agent, true, answered, idempotencyKey);
        if (idempotencyKey != null) {
            try {
                // Two requests with one key on two conversations don't share a lock: the unique index decides.
                outbox.flush();
            } catch (PersistenceException e) {
                if (!violates(e, "uq_outbox_idempotency_key")) {
                    throw e;
                }
                throw ReplyRejectedException.keyReused();
            }
        }
        return new StoredReply(queued, false);
    }

    /**
     * Hands the conversation from {@code from} to another agent, and, when {@code customerLine} is given, tells
     * the customer in a reply signed by both ({@code … ^MD → ^JK}), in one transaction: the hand-off is recorded
     * only if the line fits.
     */
    @Transactional
    public Optional<ReplyQueued> handOff(long conversationId, AppUser from, String toUsername, String reason,
            String customerLine) {
        String line = customerLine == null || customerLine.isBlank() ? null : customerLine.strip();
        if (line != null && !from.canReply()) {
            throw ReplyRejectedException.noInitials();
        }
        HandOff handOff = care.handOff(conversationId, from, toUsername, reason, line);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("to", handOff.to().username());
        detail.put("reason", reason);
        detail.put("toldCustomer", line != null);
        audit.record(from.username(), AuditAction.HANDED_OFF, AuditTarget.of(AuditTarget.CONVERSATION, conversationId), detail);
        if (line == null) {
            return Optional.empty();
        }
        Conversation conversation = care.lock(conversationId);
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String signed = Signature.signHandOff(line, format, from.initials(), handOff.to().initials());
        // The new holder is the one taking over; the line is written by the one handing over.
        return Optional.of(write(conversation, signed, from, false, messages.latestFromCustomer(conversationId), null));
    }

    private ReplyQueued write(Conversation conversation, String signed, AppUser agent, boolean claim,
            Optional<Message> answeredPost, String idempotencyKey) {
        Instant now = clock.instant();
        if (claim) {
            // Refuses (409) while another agent holds it; otherwise the writer holds it from now on.
            conversation.claim(agent, now, careConfig.claimLease(), "reply");
        }
        // A canned reply's missing value is a marker the agent must fill in: never sent as it is.
        List<String> unfilled = CannedTemplate.unfilled(signed);
        if (!unfilled.isEmpty()) {
            throw ReplyRejectedException.unfilled(unfilled);
        }
        int length = ReplyLength.measure(signed, conversation.kind());
        int limit = ReplyLength.limit(conversation.kind());
        if (length > limit) {
            throw ReplyRejectedException.tooLong(length, limit);
        }
        String inReplyTo = null;
        if (conversation.kind() == ConversationKind.PUBLIC) {
            Message answered = answeredPost.orElseThrow(ReplyRejectedException::nothingToAnswer);
            Optional<ReplyRejectedException> refusal = publicReplyRefusal(conversation, answered);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            inReplyTo = answered.externalId();
        }
        Message message = Message.fromAgent(conversation, agent, signed, inReplyTo, now);
        messages.persist(message);
        OutboxEntry entry = new OutboxEntry(message, now, idempotencyKey);
        outbox.persist(entry);
        conversation.agentAnswered(signed, now);
        conversation.prioritize(priority);
        changes.fire(QueueChanged.of(QueueChanged.Type.REPLIED, conversation, now));
        return new ReplyQueued(entry.id(), conversation.id());
    }

    /**
     * X's self-serve rule (API v2): a public reply only to a post that mentions the brand. Checked on the post
     * answered, by its text; a post that only quotes the brand is not recognised yet.
     */
    Optional<ReplyRejectedException> publicReplyRefusal(Conversation conversation, Message answered) {
        String brandHandle = conversation.account().handle();
        if (connectors.publicRepliesNeedMention(conversation.account().accountKey())
                && !MentionRule.mentions(answered.text(), brandHandle)) {
            return Optional.of(ReplyRejectedException.needsMention(brandHandle));
        }
        return Optional.empty();
    }

    private Optional<Message> answered(Conversation conversation, String inReplyTo) {
        if (inReplyTo == null || inReplyTo.isBlank()) {
            return messages.latestFromCustomer(conversation.id());
        }
        return Optional.of(messages.customerPost(conversation.id(), inReplyTo.strip())
                .orElseThrow(() -> ReplyRejectedException.badTarget(inReplyTo.strip())));
    }

    /** Whether {@code e} comes from the database refusing a write for {@code constraint} (any case: H2 upper-cases). */
    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(java.util.Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private Conversation find(long conversationId) {
        return conversations.findByIdOptional(conversationId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }
}
