package dev.signet.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.care.ConversationKind;
import dev.signet.care.Message;
import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.EndpointHealthService;
import dev.signet.channel.RateLimitedException;
import dev.signet.customer.Network;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishes outbox entries through the account's connector, exactly once: a public reply to the customer's latest
 * post, or a DM to the customer. The entry is claimed (PENDING → PUBLISHING, conditional) in one short
 * transaction, the network is called outside any transaction, and the outcome is marked in another.
 * <p>
 * X takes no idempotency key, so a reply whose earlier try may have reached X (a timeout, a 5xx after the write,
 * a publisher that died between X's answer and the mark) is looked up among the brand's own posts or DM events
 * before it is sent again ({@link ChannelConnector#findSent}); when found, it is marked sent with that post's id.
 * A post already recorded as another message is never taken for this one (and the database refuses one X id on two
 * messages).
 */
@ApplicationScoped
public class ReplyPublisher {

    private static final Logger LOG = Logger.getLogger(ReplyPublisher.class);
    /** The longest wait between two attempts: 16 times the configured backoff. */
    private static final int MAX_BACKOFF_DOUBLINGS = 4;

    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final ApiUsageService usage;
    private final PublishRetry retry;
    private final PublisherConfig config;
    private final Clock clock;
    private final EndpointHealthService endpointHealth;

    public ReplyPublisher(OutboxRepository outbox, ChannelConnectors connectors, ApiUsageService usage,
            PublishRetry retry, PublisherConfig config, Clock clock, EndpointHealthService endpointHealth) {
        this.endpointHealth = endpointHealth;
        this.outbox = outbox;
        this.connectors = connectors;
        this.usage = usage;
        this.retry = retry;
        this.config = config;
        this.clock = clock;
    }

    /** Publishes one entry if it is still pending; returns what happened to it. */
    public DeliveryStatus publish(long outboxId) {
        Task task = QuarkusTransaction.requiringNew().call(() -> claim(outboxId));
        if (task == null) {
            return QuarkusTransaction.requiringNew().call(() -> outbox.findById(outboxId).status());
        }
        ChannelConnector connector = connectors.forAccount(task.accountKey());
        AtomicBoolean mayBeOnNetwork = new AtomicBoolean(task.attemptedBefore());
        AtomicInteger sends = new AtomicInteger();
        try {
            Outcome outcome = new Outcome();
            Published published = retry.call(() -> {
                if (mayBeOnNetwork.get()) {
                    Optional<Published> found = findSent(connector, task);
                    if (found.isPresent()) {
                        outcome.recovered = true;
                        return found.get();
                    }
                }
                mayBeOnNetwork.set(true);
                sends.incrementAndGet();
                return task.outgoing().directMessage()
                        ? connector.sendDirectMessage(task.outgoing().recipientUserId(), task.outgoing().text())
                        : connector.publishReply(task.outgoing().text(), task.outgoing().inReplyToExternalId());
            });
            return markSent(outboxId, task, published, outcome.recovered);
        } catch (ChannelException e) {
            return failed(outboxId, task, connector, e, task.attemptedBefore() || sends.get() > 1);
        }
    }

    private DeliveryStatus failed(long outboxId, Task task, ChannelConnector connector, ChannelException e,
            boolean inDoubt) {
        if (!e.retryable() && inDoubt) {
            // A refusal of a resend (e.g. X's "duplicate status") may mean an earlier try got through after all.
            try {
                Optional<Published> found = findSent(connector, task);
                if (found.isPresent()) {
                    return markSent(outboxId, task, found.get(), true);
                }
            } catch (ChannelException lookupFailed) {
                LOG.warnf("reply look-up failed: outbox=%d key=%s reason=%s", outboxId, task.outgoing().idempotencyKey(),
                        lookupFailed.getMessage());
            }
        }
        Instant now = clock.instant();
        Instant retryAt = null;
        if (e instanceof RateLimitedException limited) {
            retryAt = limited.resetAt();
        } else if (e.retryable() && task.attempts() < config.maxAttempts()) {
            retryAt = now.plus(backoff(task.attempts()));
        }
        Instant next = retryAt;
        QuarkusTransaction.requiringNew().run(() -> outbox.findById(outboxId).failed(e.getMessage(), next));
        // Channel health: publishing of this account failed (its own endpoint; see EndpointHealthService).
        endpointHealth.publishFailed(task.accountKey(), e.getMessage(), e instanceof RateLimitedException ? next : null);
        LOG.warnf("reply not published: outbox=%d key=%s account=%s attempt=%d retryAt=%s reason=%s", outboxId,
                task.outgoing().idempotencyKey(), task.accountKey(), task.attempts(), next, e.getMessage());
        return next != null ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
    }

    private Duration backoff(int attempts) {
        return config.backoff().multipliedBy(1L << Math.min(MAX_BACKOFF_DOUBLINGS, Math.max(0, attempts - 1)));
    }

    /** The oldest post (or DM) on the network that is this reply and isn't already another message's. */
    private Optional<Published> findSent(ChannelConnector connector, Task task) {
        List<Published> candidates = connector.findSent(task.outgoing());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> taken = QuarkusTransaction.requiringNew().call(() -> outbox.externalIdsTaken(Network.X,
                candidates.stream().map(Published::externalId).toList()));
        return candidates.stream().filter(candidate -> !taken.contains(candidate.externalId())).findFirst();
    }

    private DeliveryStatus markSent(long outboxId, Task task, Published published, boolean recovered) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEntry entry = outbox.findById(outboxId);
            entry.message().published(published.externalId(), published.sentAt());
            entry.sent(clock.instant());
            if (recovered) {
                return;
            }
            if (task.outgoing().directMessage()) {
                usage.sentDirectMessage(task.accountKey());
            } else {
                usage.repliedPublicly(task.accountKey(), task.outgoing().text());
            }
        });
        // Channel health: publishing of this account works (its own endpoint; see EndpointHealthService).
        endpointHealth.publishSucceeded(task.accountKey());
        LOG.infof("reply published: outbox=%d key=%s account=%s dm=%s externalId=%s recovered=%s", outboxId,
                task.outgoing().idempotencyKey(), task.accountKey(), task.outgoing().directMessage(),
                published.externalId(), recovered);
        return DeliveryStatus.SENT;
    }

    private Task claim(long outboxId) {
        Instant now = clock.instant();
        if (!outbox.claim(outboxId, now)) {
            return null;
        }
        OutboxEntry entry = outbox.findById(outboxId);
        outbox.getEntityManager().refresh(entry);
        boolean attemptedBefore = entry.attemptStarted(now);
        Message message = entry.message();
        boolean directMessage = message.conversation().kind() == ConversationKind.DM;
        OutgoingMessage outgoing = new OutgoingMessage("signet-outbox-" + outboxId, directMessage, message.text(),
                message.inReplyToExternalId(), message.conversation().identity().externalUserId(),
                entry.firstAttemptAt());
        return new Task(message.conversation().account().accountKey(), outgoing, entry.attempts(), attemptedBefore);
    }

    /** What one attempt needs, read in the claim's transaction. */
    private record Task(String accountKey, OutgoingMessage outgoing, int attempts, boolean attemptedBefore) {
    }

    /** Whether the attempt found the reply already on the network rather than sending it. */
    private static final class Outcome {
        private boolean recovered;
    }
}
