package dev.signet.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.signet.channel.gap.GapService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Pulls new mentions and DMs of every brand account this replica holds the poll lease of, and hands them
 * to intake. A cursor is stored only after
 * every message it covers has been taken for good, so a crash or a failure mid-cycle re-reads rather than
 * skips; intake's idempotency makes the re-read harmless.
 * <p>
 * Mentions and DMs are read independently: each has its own method, budget, cursor and health
 * ({@link EndpointHealthService}), so a persistent error on one never keeps the other from arriving, and a read the
 * budget holds back leaves the last error visible. Besides the poll tick, every replica looks at the leases four
 * times per tick ({@link PollLease}): the holder renews them, the others take over an expired one at once.
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
    private final EndpointHealthService health;
    private final Clock clock;
    private final ChannelConfig config;
    private final InboundHandOver handOver;
    private final QuarantineSink quarantine;
    private final GapService mentionGaps;
    private final Event<MessagesRead> reads;
    /** When this replica last polled each account on schedule (its own interval may be several ticks). */
    private final Map<String, Instant> lastScheduledPoll = new ConcurrentHashMap<>();
    /** Accounts being polled by this replica now: the lease check and the tick never read one account twice at once. */
    private final Set<String> polling = ConcurrentHashMap.newKeySet();

    public ChannelPoller(ChannelAccountService accounts, ChannelConnectors connectors, RateLimitBudget budget,
            ChannelRetry retry, ApiUsageService usage, EndpointHealthService health, Clock clock, ChannelConfig config,
            InboundHandOver handOver, QuarantineSink quarantine, GapService mentionGaps, Event<MessagesRead> reads) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.budget = budget;
        this.retry = retry;
        this.usage = usage;
        this.health = health;
        this.clock = clock;
        this.config = config;
        this.handOver = handOver;
        this.quarantine = quarantine;
        this.mentionGaps = mentionGaps;
        this.reads = reads;
    }

    /** With scheduled polling on, looks at the leases four times per tick (a programmatic job: its period is derived). */
    void scheduleLeaseChecks(@Observes StartupEvent start, Scheduler scheduler) {
        PollInterval.parse(config.pollInterval()).ifPresent(tick -> scheduler.newJob("channel-lease")
                .setInterval(PollLease.checkEvery(tick).toString())
                .setDelayed("2s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> checkLeases())
                .schedule());
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

    /** Renews the leases this replica holds; takes an expired one and polls that account at once. */
    void checkLeases() {
        for (String key : accounts.configuredKeys()) {
            if (accounts.keepLease(key) == PollLease.Outcome.TAKEN) {
                LOG.infof("poll lease taken over: account=%s", key);
                lastScheduledPoll.put(key, clock.instant());
                poll(key);
            }
        }
    }

    /** Whether an account's own interval has passed since this replica last polled it on schedule. */
    private boolean due(String accountKey, Instant now) {
        Optional<Duration> interval = accounts.pollInterval(accountKey);
        Optional<Duration> tick = PollInterval.parse(config.pollInterval());
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

    /**
     * Polls one account: mentions, then DMs, each on its own (a failure of one is recorded and the other is read
     * all the same); stores each cursor once its messages are stored.
     */
    public PollOutcome poll(String accountKey) {
        if (!polling.add(accountKey)) {
            return new PollOutcome(accountKey, 0, null, false);
        }
        try {
            return pollHeld(accountKey);
        } finally {
            polling.remove(accountKey);
        }
    }

    private PollOutcome pollHeld(String accountKey) {
        if (!accounts.tryLease(accountKey)) {
            return new PollOutcome(accountKey, 0, null, true);
        }
        ChannelAccountService.AccountState state;
        ChannelConnector connector;
        try {
            state = accounts.state(accountKey);
            connector = connectors.forAccount(accountKey);
            if (state.externalUserId() == null) {
                accounts.identified(accountKey, retry.call(connector::verifyCredentials));
            }
        } catch (ChannelException e) {
            // Without knowing whose account it is, neither endpoint can be read: both say why.
            health.failed(accountKey, Endpoint.MENTIONS, e.getMessage(), blockedUntil(e));
            health.failed(accountKey, Endpoint.DIRECT_MESSAGES, e.getMessage(), blockedUntil(e));
            accounts.polled(accountKey);
            return new PollOutcome(accountKey, 0, e.getMessage(), false);
        }
        Read mentions = readMentions(accountKey, connector, state);
        // Gaps (channel.gap): say what X no longer serves on the timeline and recover it from search, bounded.
        mentionGaps.afterMentionsRead(accountKey, connector, Optional.ofNullable(mentions.result()),
                state.mentionsSinceId() != null);
        Read directMessages = readDirectMessages(accountKey, connector, state);
        accounts.polled(accountKey);
        usage.read(accountKey, BilledRead.OWNED_POST, mentions.billed());
        usage.read(accountKey, BilledRead.DM, directMessages.billed());
        int fetched = mentions.count() + directMessages.count();
        if (fetched > 0) {
            LOG.infof("poll done: account=%s mentions=%d dms=%d", accountKey, mentions.count(), directMessages.count());
        }
        String error = mentions.error() != null ? mentions.error() : directMessages.error();
        return new PollOutcome(accountKey, fetched, error, false);
    }

    private Read readMentions(String accountKey, ChannelConnector connector, ChannelAccountService.AccountState state) {
        String since = state.mentionsSinceId();
        return read(accountKey, Endpoint.MENTIONS, ApiCall.MENTIONS,
                // An account without a cursor yet reads back its initial backfill window, not all X still serves.
                () -> connector.fetchMentions(since != null ? since : connector.cursorAt(accounts.backfillFrom(accountKey))),
                read -> accounts.mentionsRead(accountKey, since, read));
    }

    private Read readDirectMessages(String accountKey, ChannelConnector connector,
            ChannelAccountService.AccountState state) {
        String since = state.dmLastEventId();
        return read(accountKey, Endpoint.DIRECT_MESSAGES, ApiCall.DIRECT_MESSAGES,
                () -> connector.fetchDirectMessages(since != null ? since
                        : connector.cursorAt(accounts.backfillFrom(accountKey))),
                read -> accounts.directMessagesRead(accountKey, since, read));
    }

    /**
     * Reads one endpoint within the rate-limit budget and records how it went: held back (nothing fetched, cursor,
     * last error and failures kept) while the window is spent or the previous read is too recent; fetched (retried
     * with backoff on passing failures), delivered, then the cursor stored; or failed, cursor kept.
     */
    private Read read(String accountKey, Endpoint endpoint, ApiCall call, Supplier<FetchResult> fetch,
            Consumer<FetchResult> storeCursor) {
        Instant now = clock.instant();
        boolean spread = PollPacing.spreads(config, call);
        boolean allowed = spread ? budget.mayPoll(accountKey, call, now) : budget.blockedUntil(accountKey, call, now).isEmpty();
        if (!allowed) {
            health.heldBack(accountKey, endpoint, budget.nextPollAt(accountKey, call, spread, now),
                    budget.blockedUntil(accountKey, call, now).orElse(null));
            return Read.HELD_BACK;
        }
        budget.polled(accountKey, call, now);
        try {
            FetchResult read = retry.call(fetch);
            deliver(read);
            reads.fire(new MessagesRead(accountKey, endpoint, read.messages()));
            storeCursor.accept(read);
            health.succeeded(accountKey, endpoint);
            if (spread) {
                health.nextRead(accountKey, endpoint, budget.nextPollAt(accountKey, call, true, clock.instant()));
            }
            // X bills what it returned, quarantined items and looked-up authors included.
            usage.usersRead(accountKey, read.usersLookedUp());
            return new Read(read.messages().size(), read.billedIds(), null, read);
        } catch (ChannelException | IntakeFailedException e) {
            health.failed(accountKey, endpoint, e.getMessage(), blockedUntil(e));
            LOG.warnf("read failed: account=%s endpoint=%s reason=%s", accountKey, endpoint.tag(), e.getMessage());
            return new Read(0, List.of(), e.getMessage(), null);
        }
    }

    /** Until when X refuses calls after this failure: its reset after a 429, else not at all. */
    private static Instant blockedUntil(ChannelException e) {
        return e instanceof RateLimitedException limited ? limited.resetAt() : null;
    }

    private static Instant blockedUntil(RuntimeException e) {
        return e instanceof ChannelException channel ? blockedUntil(channel) : null;
    }

    /**
     * Hands the messages to intake (see {@link InboundHandOver}) and keeps the items it can't take in the
     * quarantine, before the cursor moves past them; nothing to do for an empty fetch.
     */
    private void deliver(FetchResult fetched) {
        if (!fetched.messages().isEmpty()) {
            handOver.deliver(fetched.messages());
        }
        if (!fetched.quarantined().isEmpty()) {
            quarantine.hold(fetched.quarantined());
            LOG.warnf("items quarantined: account=%s count=%d", fetched.quarantined().get(0).accountKey(),
                    fetched.quarantined().size());
        }
    }

    /**
     * One endpoint's read: messages handed to intake, the ids of the items X returned (billed), the error if it
     * failed, and what was fetched (null when held back or failed).
     */
    private record Read(int count, List<String> billed, String error, FetchResult result) {
        static final Read HELD_BACK = new Read(0, List.of(), null, null);
    }

    /**
     * The result of polling one account. {@code error} is null when every read of this poll succeeded or was held
     * back by the budget (the mentions error first, when both failed); {@code leasedElsewhere} is true when another
     * replica holds the account's poll lease (this one did nothing).
     */
    public record PollOutcome(String accountKey, int fetched, String error, boolean leasedElsewhere) {
    }
}
