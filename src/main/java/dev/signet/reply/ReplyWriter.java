package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationRepository;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;

/**
 * Checks a reply and stores it, signed, with its outbox entry in one transaction: either both exist or
 * neither does. Publication happens after commit ({@link ReplyDispatcher}, {@link ReplyPublisher}).
 */
@ApplicationScoped
public class ReplyWriter {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final Clock clock;

    public ReplyWriter(ConversationRepository conversations, MessageRepository messages, OutboxRepository outbox,
            ChannelConnectors connectors, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.connectors = connectors;
        this.clock = clock;
    }

    /**
     * The signed length of a draft, for the live counter, and why X would refuse a public reply here (so the agent
     * learns it before writing one).
     */
    @Transactional
    public ReplyPreview preview(long conversationId, String draft, AppUser agent) {
        Conversation conversation = find(conversationId);
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
                ReplyLength.limit(conversation.kind()), refusal);
    }

    /** Stores the signed reply and its outbox entry; returns what the publisher needs to find them. */
    @Transactional
    public ReplyQueued store(long conversationId, String text, AppUser agent) {
        if (text == null || text.isBlank()) {
            throw ReplyRejectedException.empty();
        }
        Conversation conversation = find(conversationId);
        if (!agent.canReply()) {
            throw ReplyRejectedException.noInitials();
        }
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String signed = Signature.sign(text, format, agent.initials());
        int length = ReplyLength.measure(signed, conversation.kind());
        int limit = ReplyLength.limit(conversation.kind());
        if (length > limit) {
            throw ReplyRejectedException.tooLong(length, limit);
        }
        String inReplyTo = null;
        if (conversation.kind() == ConversationKind.PUBLIC) {
            Message answered = messages.latestFromCustomer(conversationId)
                    .orElseThrow(ReplyRejectedException::nothingToAnswer);
            Optional<ReplyRejectedException> refusal = publicReplyRefusal(conversation, answered);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            inReplyTo = answered.externalId();
        }
        Instant now = clock.instant();
        Message message = Message.fromAgent(conversation, agent, signed, inReplyTo, now);
        messages.persist(message);
        OutboxEntry entry = new OutboxEntry(message, now);
        outbox.persist(entry);
        conversation.agentAnswered(signed, now);
        return new ReplyQueued(entry.id(), conversationId);
    }

    /**
     * X's self-serve rule (API v2): a public reply only to a post that mentions the brand. Checked on the post
     * answered, by its text; a post that only quotes the brand is not recognised yet.
     */
    private Optional<ReplyRejectedException> publicReplyRefusal(Conversation conversation, Message answered) {
        String brandHandle = conversation.account().handle();
        if (connectors.publicRepliesNeedMention(conversation.account().accountKey())
                && !MentionRule.mentions(answered.text(), brandHandle)) {
            return Optional.of(ReplyRejectedException.needsMention(brandHandle));
        }
        return Optional.empty();
    }

    private Conversation find(long conversationId) {
        return conversations.findByIdOptional(conversationId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }
}
