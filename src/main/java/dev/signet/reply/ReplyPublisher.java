package dev.signet.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.care.ConversationKind;
import dev.signet.care.Message;
import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ChannelConnector;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.ChannelException;
import dev.signet.channel.EndpointHealthService;
import dev.signet.channel.Network;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.RateLimitedException;
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
 * <p>
 * Once X has answered 2xx the reply is never sent again, whatever the body: an answer without a usable id marks it
 * SENT with the reason kept ("Sent, X id unknown: …"), and {@link #recoverId} finds the id later. Every path (the
 * request, the outbound topic, the sweeper, a stuck entry taken back) goes through {@link #publish}, which holds
 * {@link PublisherConfig#maxAttempts()}: an entry claimed beyond it is only looked up, then FAILED for the agent.
 * An unexpected exception never escapes: the entry ends looked up, PENDING or FAILED, never left PUBLISHING.
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
    private final AuditTrail audit;

    public ReplyPublisher(OutboxRepository outbox, ChannelConnectors connectors, ApiUsageService usage,
            PublishRetry retry, PublisherConfig config, Clock clock, EndpointHealthService endpointHealth,
            AuditTrail audit) {
        this.endpointHealth = endpointHealth;
        this.audit = audit;
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
        if (task.attempts() > config.maxAttempts()) {
            return overCap(outboxId, task, connector);
        }
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
        } catch (RuntimeException e) {
            // Not a failure the connector understood (an X answer it could not take, a bug): the reply may be on X,
            // so it is not sent again by itself — looked up, else FAILED for the agent — and the entry is never
            // left PUBLISHING, nor the agent's request answered 500.
            LOG.errorf(e, "reply publishing failed unexpectedly: outbox=%d key=%s account=%s", outboxId,
                    task.outgoing().idempotencyKey(), task.accountKey());
            ChannelException unexpected = new ChannelException("Unexpected failure while publishing: "
                    + e.getClass().getSimpleName(), false, e);
            return failed(outboxId, task, connector, unexpected, sends.get() > 0 || task.attemptedBefore());
        }
    }

    /**
     * Finds the X id of a reply marked SENT without one (X accepted it with an unreadable answer), by looking it up
     * among what the brand published. Returns whether it was found; the reason stays on the entry.
     */
    public boolean recoverId(long outboxId) {
        Lookup lookup = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEntry entry = outbox.findById(outboxId);
            if (entry == null || !entry.idUnknown() || !outbox.claimIdLookup(outboxId, entry.idLookups())) {
                return null;
            }
            return new Lookup(entry.message().conversation().account().accountKey(), outgoing(entry));
        });
        if (lookup == null) {
            return false;
        }
        Optional<Published> found;
        try {
            found = findSent(connectors.forAccount(lookup.accountKey()), lookup.outgoing());
        } catch (ChannelException e) {
            LOG.warnf("x id look-up failed: outbox=%d account=%s reason=%s", outboxId, lookup.accountKey(),
                    e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            // Another replica's sweeper may have set it meanwhile; otherwise X has not indexed it yet.
            LOG.infof("x id not found by this look-up: outbox=%d account=%s", outboxId, lookup.accountKey());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.findById(outboxId).message()
                .published(found.get().externalId(), found.get().sentAt()));
        LOG.infof("x id recovered: outbox=%d account=%s externalId=%s", outboxId, lookup.accountKey(),
                found.get().externalId());
        return true;
    }

    /**
     * An entry claimed once more than {@link PublisherConfig#maxAttempts()} allows (a stuck entry taken back, a
     * rate-limit wait): it is not sent again; an earlier attempt may have reached X, so it is looked up, and FAILED
     * for the agent when not found.
     */
    private DeliveryStatus overCap(long outboxId, Task task, ChannelConnector connector) {
        String reason = "Gave up after " + config.maxAttempts() + " attempts";
        if (task.attemptedBefore()) {
            try {
                Optional<Published> found = findSent(connector, task);
                if (found.isPresent()) {
                    return markSent(outboxId, task, found.get(), true);
                }
            } catch (ChannelException e) {
                reason += "; the look-up on X failed too: " + e.getMessage();
            } catch (RuntimeException e) {
                LOG.errorf(e, "reply look-up failed unexpectedly: outbox=%d", outboxId);
                reason += "; the look-up on X failed too: " + e.getClass().getSimpleName();
            }
        }
        String lastReason = QuarkusTransaction.requiringNew().call(() -> outbox.findById(outboxId).lastError());
        String kept = lastReason == null ? reason + "." : reason + ". Last: " + lastReason;
        QuarkusTransaction.requiringNew().run(() -> outbox.findById(outboxId).failed(kept, null));
        LOG.warnf("reply not published, attempt cap reached: outbox=%d key=%s account=%s attempt=%d max=%d", outboxId,
                task.outgoing().idempotencyKey(), task.accountKey(), task.attempts(), config.maxAttempts());
        return DeliveryStatus.FAILED;
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
            } catch (RuntimeException lookupFailed) {
                LOG.errorf(lookupFailed, "reply look-up failed unexpectedly: outbox=%d", outboxId);
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
        LOG.warnf("reply not published: outbox=%d key=%s account=%s attempt=%d retryAt=%s reason=%s cause=%s", outboxId,
                task.outgoing().idempotencyKey(), task.accountKey(), task.attempts(), next, e.getMessage(),
                e.getCause() == null ? "-" : e.getCause().getClass().getName());
        return next != null ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
    }

    private Duration backoff(int attempts) {
        return config.backoff().multipliedBy(1L << Math.min(MAX_BACKOFF_DOUBLINGS, Math.max(0, attempts - 1)));
    }

    private Optional<Published> findSent(ChannelConnector connector, Task task) {
        return findSent(connector, task.outgoing());
    }

    /** The oldest post (or DM) on the network that is this reply and isn't already another message's. */
    private Optional<Published> findSent(ChannelConnector connector, OutgoingMessage outgoing) {
        List<Published> candidates = connector.findSent(outgoing).stream().filter(Published::idKnown).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> taken = QuarkusTransaction.requiringNew().call(() -> outbox.externalIdsTaken(Network.X,
                candidates.stream().map(Published::externalId).toList()));
        return candidates.stream().filter(candidate -> !taken.contains(candidate.externalId())).findFirst();
    }

    /**
     * Marks the entry SENT and counts the message on the account's cost meter: X bills every message it published,
     * including one found by a look-up after its own answer was lost (never counted until now).
     */
    private DeliveryStatus markSent(long outboxId, Task task, Published published, boolean recovered) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEntry entry = outbox.findById(outboxId);
            entry.message().published(published.externalId(), published.sentAt());
            if (published.idKnown()) {
                entry.sent(clock.instant());
            } else {
                entry.sentWithoutId(clock.instant(), published.idUnknown());
            }
            if (task.outgoing().directMessage()) {
                usage.sentDirectMessage(task.accountKey());
            } else {
                usage.repliedPublicly(task.accountKey(), task.outgoing().text(), task.outgoing().inReplyToExternalId());
            }
            // Who answered on which conversation, never the text.
            Message message = entry.message();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("account", task.accountKey());
            detail.put("messageId", message.id());
            detail.put("directMessage", task.outgoing().directMessage());
            detail.put("externalId", published.externalId());
            detail.put("recovered", recovered);
            audit.record(message.authorUser() == null ? null : message.authorUser().username(), AuditAction.REPLY_PUBLISHED,
                    AuditTarget.of(AuditTarget.CONVERSATION, message.conversation().id()), detail);
        });
        // Channel health: publishing of this account works (its own endpoint; see EndpointHealthService).
        endpointHealth.publishSucceeded(task.accountKey());
        LOG.infof("reply published: outbox=%d key=%s account=%s dm=%s externalId=%s recovered=%s idUnknown=%s",
                outboxId, task.outgoing().idempotencyKey(), task.accountKey(), task.outgoing().directMessage(),
                published.externalId(), recovered, published.idUnknown());
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
        return new Task(message.conversation().account().accountKey(), outgoing(entry), entry.attempts(),
                attemptedBefore);
    }

    private static OutgoingMessage outgoing(OutboxEntry entry) {
        Message message = entry.message();
        boolean directMessage = message.conversation().kind() == ConversationKind.DM;
        return new OutgoingMessage("signet-outbox-" + entry.id(), directMessage, message.text(),
                message.inReplyToExternalId(), message.conversation().identity().externalUserId(),
                entry.firstAttemptAt());
    }

    /** What a look-up of an entry's X id needs, read in one transaction. */
    private record Lookup(String accountKey, OutgoingMessage outgoing) {
    }

    /** What one attempt needs, read in the claim's transaction. */
    private record Task(String accountKey, OutgoingMessage outgoing, int attempts, boolean attemptedBefore) {
    }

    /** Whether the attempt found the reply already on the network rather than sending it. */
    private static final class Outcome {
        private boolean recovered;
    }
}
