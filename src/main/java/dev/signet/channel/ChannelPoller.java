package dev.signet.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.channel.gap.GapService;
import io.quarkus.scheduler.Scheduled;

/**
 * Pulls new mentions and DMs of every brand account this replica holds the poll lease of, and hands them
 * to intake. A cursor is stored only after
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

    private final ChannelAccountService accounts;
    private final ChannelConnectors connectors;
    private final RateLimitBudget budget;
    private final ChannelRetry retry;
    private final ApiUsageService usage;
    private final Clock clock;
    private final boolean spreadPolls;
    private final InboundHandOver handOver;
    private final String pollInterval;
    private final GapService mentionGaps;
    /** When this replica last polled each account on schedule (its own interval may be several ticks). */
    private final Map<String, Instant> lastScheduledPoll = new ConcurrentHashMap<>();

    public ChannelPoller(ChannelAccountService accounts, ChannelConnectors connectors, RateLimitBudget budget,
            ChannelRetry retry, ApiUsageService usage, Clock clock, ChannelConfig config,
            InboundHandOver handOver, GapService mentionGaps) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.budget = budget;
        this.retry = retry;
        this.usage = usage;
        this.clock = clock;
        this.spreadPolls = config.spreadPolls();
        this.handOver = handOver;
        this.pollInterval = config.pollInterval();
        this.mentionGaps = mentionGaps;
    }

    @Scheduled(identity = "channel-poll", every = "${signet.channel.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollOnSchedule() {
        Instant now = clock.instant();
        for (String key : accounts.configuredKeys()) {
            if (due(key, now)) {
                lastScheduledPoll.put(key, now);
                poll(key);
            }
        }
    }

    /** Whether an account's own interval has passed since this replica last polled it on schedule. */
    private boolean due(String accountKey, Instant now) {
        Optional<Duration> interval = accounts.pollInterval(accountKey);
        Optional<Duration> tick = PollInterval.parse(pollInterval);
        return interval.isEmpty() || tick.isEmpty()
                || PollSchedule.isDue(lastScheduledPoll.get(accountKey), interval.get(), tick.get(), now);
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
        if (!accounts.tryLease(accountKey)) {
            return new PollOutcome(accountKey, 0, null, true);
        }
        try {
            ChannelAccountService.AccountState state = accounts.state(accountKey);
            ChannelConnector connector = connectors.forAccount(accountKey);
            if (state.externalUserId() == null) {
                accounts.identified(accountKey, retry.call(connector::verifyCredentials));
            }
            // An account without a cursor yet reads back its initial backfill window, not all X still serves.
            String mentionsSince = state.mentionsSinceId() != null ? state.mentionsSinceId()
                    : connector.cursorAt(accounts.backfillFrom(accountKey));
            String dmsSince = state.dmLastEventId() != null ? state.dmLastEventId()
                    : connector.cursorAt(accounts.backfillFrom(accountKey));
            Optional<FetchResult> mentions = fetch(accountKey, ApiCall.MENTIONS, () -> connector.fetchMentions(mentionsSince));
            if (mentions.isPresent()) {
                deliver(mentions.get().messages());
                accounts.mentionsRead(accountKey, mentions.get());
            }
            // Gaps (channel.gap): say what X no longer serves on the timeline and recover it from search, bounded.
            mentionGaps.afterMentionsRead(accountKey, connector, mentions, state.mentionsSinceId() != null);
            Optional<FetchResult> directMessages = fetch(accountKey, ApiCall.DIRECT_MESSAGES,
                    () -> connector.fetchDirectMessages(dmsSince));
            if (directMessages.isPresent()) {
                deliver(directMessages.get().messages());
                accounts.directMessagesRead(accountKey, directMessages.get());
            }
            if (mentions.isEmpty() && directMessages.isEmpty()) {
                accounts.pollSkipped(accountKey);
            }
            int mentionCount = mentions.map(read -> read.messages().size()).orElse(0);
            int dmCount = directMessages.map(read -> read.messages().size()).orElse(0);
            usage.read(accountKey, mentionCount, dmCount);
            int fetched = mentionCount + dmCount;
            if (fetched > 0) {
                LOG.infof("poll done: account=%s mentions=%d dms=%d", accountKey, mentionCount, dmCount);
            }
            return new PollOutcome(accountKey, fetched, null, false);
        } catch (ChannelException | IntakeFailedException e) {
            accounts.pollFailed(accountKey, e.getMessage());
            LOG.warnf("poll failed: account=%s reason=%s", accountKey, e.getMessage());
            return new PollOutcome(accountKey, 0, e.getMessage(), false);
        }
    }

    /**
     * Fetches within the rate-limit budget: skipped (empty; nothing fetched, cursor kept) while the window is
     * spent or the previous poll of this call is too recent; retried with backoff on passing failures.
     */
    private Optional<FetchResult> fetch(String accountKey, ApiCall call, Supplier<FetchResult> fetch) {
        Instant now = clock.instant();
        boolean allowed = spreadPolls ? budget.mayPoll(accountKey, call, now) : budget.blockedUntil(accountKey, call, now).isEmpty();
        if (!allowed) {
            return Optional.empty();
        }
        budget.polled(accountKey, call, now);
        return Optional.of(retry.call(fetch));
    }

    /** Hands the messages to intake (see {@link InboundHandOver}); nothing to do for an empty fetch. */
    private void deliver(List<InboundMessage> messages) {
        if (!messages.isEmpty()) {
            handOver.deliver(messages);
        }
    }

    /**
     * The result of polling one account. {@code error} is null when the poll succeeded; {@code leasedElsewhere}
     * is true when another replica holds the account's poll lease (this one did nothing).
     */
    public record PollOutcome(String accountKey, int fetched, String error, boolean leasedElsewhere) {
    }
}
