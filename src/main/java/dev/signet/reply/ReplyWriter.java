package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;

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

    /** The signed length of a draft, for the live counter. */
    @Transactional
    public ReplyPreview preview(long conversationId, String draft, AppUser agent) {
        Conversation conversation = find(conversationId);
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String initials = agent.initials() == null ? "??" : agent.initials();
        String signed = Signature.sign(draft == null ? "" : draft, format, initials);
        return new ReplyPreview(Signature.render(format, initials), ReplyLength.measure(signed, conversation.kind()),
                ReplyLength.limit(conversation.kind()));
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
            inReplyTo = messages.latestFromCustomer(conversationId)
                    .orElseThrow(ReplyRejectedException::nothingToAnswer).externalId();
        }
        Instant now = clock.instant();
        Message message = Message.fromAgent(conversation, agent, signed, inReplyTo, now);
        messages.persist(message);
        OutboxEntry entry = new OutboxEntry(message, now);
        outbox.persist(entry);
        conversation.agentAnswered(signed, now);
        return new ReplyQueued(entry.id(), conversationId);
    }

    private Conversation find(long conversationId) {
        return conversations.findByIdOptional(conversationId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }
}
