package dev.signet.reply;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.care.ConversationKind;
import dev.signet.care.Message;
import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishes outbox entries through the account's connector: a public reply to the customer's latest post, or
 * a DM to the customer. The network call happens outside any transaction; the entry is claimed before and
 * marked after, each in its own short transaction.
 */
@ApplicationScoped
public class ReplyPublisher {

    private static final Logger LOG = Logger.getLogger(ReplyPublisher.class);
    /** After this many passing failures an entry is marked FAILED and shown to the agent. */
    static final int MAX_ATTEMPTS = 5;

    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final ApiUsageService usage;
    private final Clock clock;

    public ReplyPublisher(OutboxRepository outbox, ChannelConnectors connectors, ApiUsageService usage, Clock clock) {
        this.outbox = outbox;
        this.connectors = connectors;
        this.usage = usage;
        this.clock = clock;
    }

    /** Publishes one entry if it is still pending; returns what happened to it. */
    public DeliveryStatus publish(long outboxId) {
        Task task = QuarkusTransaction.requiringNew().call(() -> claim(outboxId));
        if (task == null) {
            return QuarkusTransaction.requiringNew().call(() -> outbox.findById(outboxId).status());
        }
        try {
            Published published = task.kind() == ConversationKind.PUBLIC
                    ? connectors.forAccount(task.accountKey()).publishReply(task.text(), task.inReplyTo())
                    : connectors.forAccount(task.accountKey()).sendDirectMessage(task.recipientUserId(), task.text());
            QuarkusTransaction.requiringNew().run(() -> {
                OutboxEntry entry = outbox.findById(outboxId);
                entry.message().published(published.externalId(), published.sentAt());
                entry.sent(clock.instant());
                if (task.kind() == ConversationKind.PUBLIC) {
                    usage.repliedPublicly(task.accountKey(), task.text());
                } else {
                    usage.sentDirectMessage(task.accountKey());
                }
            });
            LOG.infof("reply published: outbox=%d account=%s kind=%s externalId=%s", outboxId, task.accountKey(),
                    task.kind(), published.externalId());
            return DeliveryStatus.SENT;
        } catch (ChannelException e) {
            boolean retryLater = e.retryable() && task.attempts() < MAX_ATTEMPTS;
            QuarkusTransaction.requiringNew().run(() -> outbox.findById(outboxId).failed(e.getMessage(), retryLater));
            LOG.warnf("reply not published: outbox=%d account=%s retryLater=%s reason=%s", outboxId, task.accountKey(),
                    retryLater, e.getMessage());
            return retryLater ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        }
    }

    private Task claim(long outboxId) {
        if (!outbox.claim(outboxId)) {
            return null;
        }
        OutboxEntry entry = outbox.findById(outboxId);
        outbox.getEntityManager().refresh(entry);
        Message message = entry.message();
        return new Task(message.conversation().account().accountKey(), message.conversation().kind(), message.text(),
                message.inReplyToExternalId(), message.conversation().identity().externalUserId(), entry.attempts());
    }

    private record Task(String accountKey, ConversationKind kind, String text, String inReplyTo, String recipientUserId,
            int attempts) {
    }
}
