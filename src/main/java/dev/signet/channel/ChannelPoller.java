package dev.signet.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.signet.messaging.KeyedMessages;
import io.quarkus.scheduler.Scheduled;

/**
 * Pulls new mentions and DMs of every brand account and hands them to intake. A cursor is stored only after
 * every message it covers has been taken for good, so a crash or a failure mid-cycle re-reads rather than
 * skips; intake's idempotency makes the re-read harmless.
 * <p>
 * "Taken for good" depends on the transport ({@code signet.messaging.transport}). In-process, intake has
 * committed the message. With Kafka (production), the broker has written it to every in-sync replica
 * ({@code acks=all}): waiting for intake's commit instead would tie the poller to whichever replica consumes
 * the partition, and buys nothing, because an acknowledged record is durable, intake commits its offset only
 * after storing it (or dead-lettering it), and storing twice is impossible (unique network and id).
 */
@ApplicationScoped
public class ChannelPoller {

    private static final Logger LOG = Logger.getLogger(ChannelPoller.class);
    private static final Duration INTAKE_TIMEOUT = Duration.ofMinutes(2);

    private final ChannelAccountService accounts;
    private final ChannelConnectors connectors;
    private final Emitter<InboundMessage> inbound;

    public ChannelPoller(ChannelAccountService accounts, ChannelConnectors connectors,
            @Channel(Channels.INBOUND) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<InboundMessage> inbound) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.inbound = inbound;
    }

    @Scheduled(identity = "channel-poll", every = "${signet.channel.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollOnSchedule() {
        pollAll();
    }

    /** Polls every configured account once; one account's failure doesn't stop the others. */
    public List<PollOutcome> pollAll() {
        List<PollOutcome> outcomes = new ArrayList<>();
        for (String key : accounts.configuredKeys()) {
            outcomes.add(poll(key));
        }
        return outcomes;
    }

    /** Polls one account: mentions, then DMs; stores each cursor once its messages are stored. */
    public PollOutcome poll(String accountKey) {
        try {
            ChannelAccountService.AccountState state = accounts.state(accountKey);
            ChannelConnector connector = connectors.forAccount(accountKey);
            if (state.externalUserId() == null) {
                accounts.identified(accountKey, connector.verifyCredentials());
            }
            FetchResult mentions = connector.fetchMentions(state.mentionsSinceId());
            deliver(mentions.messages());
            accounts.pollSucceeded(accountKey, mentions.cursor(), null);
            FetchResult directMessages = connector.fetchDirectMessages(state.dmLastEventId());
            deliver(directMessages.messages());
            accounts.pollSucceeded(accountKey, null, directMessages.cursor());
            int fetched = mentions.messages().size() + directMessages.messages().size();
            if (fetched > 0) {
                LOG.infof("poll done: account=%s mentions=%d dms=%d", accountKey, mentions.messages().size(),
                        directMessages.messages().size());
            }
            return new PollOutcome(accountKey, fetched, null);
        } catch (ChannelException | IntakeFailedException e) {
            accounts.pollFailed(accountKey, e.getMessage());
            LOG.warnf("poll failed: account=%s reason=%s", accountKey, e.getMessage());
            return new PollOutcome(accountKey, 0, e.getMessage());
        }
    }

    /**
     * Sends the messages in order, keyed by conversation (one conversation stays on one Kafka partition, in
     * order), and waits until every one is taken for good (see the class comment).
     */
    private void deliver(List<InboundMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            CompletableFuture<Void> taken = new CompletableFuture<>();
            inbound.send(KeyedMessages.of(message, message.conversationKey(), taken));
            acks.add(taken);
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(INTAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeFailedException("interrupted while the messages were handed over", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeFailedException("not every message was taken (intake or broker): " + e.getMessage(), e);
        }
    }

    /** The result of polling one account. {@code error} is null when the poll succeeded. */
    public record PollOutcome(String accountKey, int fetched, String error) {
    }

    /** Intake (or the broker) refused or did not confirm a message; the cursor stays. */
    static class IntakeFailedException extends RuntimeException {
        IntakeFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
