package dev.signet.reply;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.care.Message;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends an agent's reply: stores it signed with its outbox entry, then hands it to the publisher (right away
 * in-process; through the outbound topic with Kafka, where the answer usually says PENDING).
 */
@ApplicationScoped
public class ReplyService {

    private final ReplyWriter writer;
    private final ReplyDispatcher dispatcher;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final Clock clock;

    public ReplyService(ReplyWriter writer, ReplyDispatcher dispatcher, OutboxRepository outbox,
            ChannelConnectors connectors, Clock clock) {
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.connectors = connectors;
        this.clock = clock;
    }

    /** {@link #send(long, String, String, AppUser)} answering the default post. */
    public ReplyView send(long conversationId, String text, AppUser agent) {
        return send(conversationId, text, null, agent);
    }

    /**
     * Sends a reply answering the customer post {@code inReplyTo} names (message id or X id), or, when null, the
     * latest post of the conversation's customer.
     */
    public ReplyView send(long conversationId, String text, String inReplyTo, AppUser agent) {
        return send(conversationId, text, inReplyTo, null, agent).view();
    }

    /**
     * {@link #send(long, String, String, AppUser)} under the client's {@code idempotencyKey} (null: none): a repeated
     * request gets the reply stored the first time, which is not dispatched again (the publisher, or the sweeper
     * after a restart, has it).
     */
    ReplySent send(long conversationId, String text, String inReplyTo, String idempotencyKey, AppUser agent) {
        StoredReply stored = writer.store(conversationId, text, inReplyTo, idempotencyKey, agent);
        if (!stored.replayed()) {
            dispatcher.dispatch(stored.queued());
        }
        return new ReplySent(view(stored.queued().outboxId()), stored.replayed());
    }

    /**
     * Hands the conversation to another agent (who, to whom, why are recorded); with a customer line, that line
     * is published signed by both. Returns the line's reply, or empty without one.
     */
    public Optional<ReplyView> handOff(long conversationId, AppUser from, String toUsername, String reason,
            String customerLine) {
        Optional<ReplyQueued> queued = writer.handOff(conversationId, from, toUsername, reason, customerLine);
        queued.ifPresent(dispatcher::dispatch);
        return queued.map(q -> view(q.outboxId()));
    }

    /**
     * Publishes a FAILED reply again, at an agent's request, with a fresh budget of attempts. An earlier attempt
     * may have reached X after all, so the publisher looks for it there first.
     */
    public ReplyView retry(long conversationId, long replyId) {
        long outboxId = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEntry entry = outbox.forMessage(conversationId, replyId)
                    .orElseThrow(() -> ReplyRetryException.notFound(conversationId, replyId));
            if (!outbox.requestRetry(entry, clock.instant())) {
                throw ReplyRetryException.notFailed(entry.status());
            }
            return entry.id();
        });
        dispatcher.dispatch(new ReplyQueued(outboxId, conversationId));
        return view(outboxId);
    }

    /** Whom a reply goes to and which post it answers ({@link ReplyWriter#target}). */
    public Optional<ReplyTarget> target(long conversationId, String inReplyTo) {
        return writer.target(conversationId, inReplyTo);
    }

    public ReplyPreview preview(long conversationId, String draft, AppUser agent) {
        return writer.preview(conversationId, draft, agent);
    }

    private ReplyView view(long outboxId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxEntry entry = outbox.findById(outboxId);
            Message message = entry.message();
            String initials = message.authorUser().initials();
            String signature = Signature.render(
                    connectors.signatureFormat(message.conversation().account().accountKey()), initials);
            return new ReplyView(message.id(), message.conversation().id(), message.text(), signature, initials,
                    entry.status(), message.externalId(), entry.reason(), message.sentAt());
        });
    }
}
