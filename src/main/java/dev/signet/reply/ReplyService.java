package dev.signet.reply;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.care.Message;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Sends an agent's reply: stores it signed with its outbox entry, then publishes it right away. */
@ApplicationScoped
public class ReplyService {

    private final ReplyWriter writer;
    private final ReplyPublisher publisher;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;

    public ReplyService(ReplyWriter writer, ReplyPublisher publisher, OutboxRepository outbox,
            ChannelConnectors connectors) {
        this.writer = writer;
        this.publisher = publisher;
        this.outbox = outbox;
        this.connectors = connectors;
    }

    public ReplyView send(long conversationId, String text, AppUser agent) {
        long outboxId = writer.store(conversationId, text, agent);
        publisher.publish(outboxId);
        return view(outboxId);
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
                    entry.status(), message.externalId(), entry.lastError(), message.sentAt());
        });
    }
}
