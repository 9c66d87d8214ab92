package dev.signet.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.channel.gap.GapService;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps a row per configured brand account (its cursors and lease live there, its endpoints' health in
 * {@link EndpointHealthService}) and records polls. The poll lease makes exactly one replica poll an account; it
 * lasts half the account's poll interval and is renewed four times per tick (see {@link PollLease}), so another
 * replica takes over within one interval when the holder dies. Only the poller moves cursors, each with a targeted,
 * optimistic update.
 */
@ApplicationScoped
public class ChannelAccountService {

    private static final Logger LOG = Logger.getLogger(ChannelAccountService.class);

    /** Lease length when scheduled polling is off (tests and manual polls). */
    static final Duration MANUAL_LEASE = Duration.ofSeconds(60);

    private final ChannelConfig config;
    private final ChannelAccountRepository accounts;
    private final ReplicaId replica;
    private final RateLimitBudget budget;
    private final EndpointHealthService endpoints;
    private final Clock clock;
    private final GapService gaps;

    public ChannelAccountService(ChannelConfig config, ChannelAccountRepository accounts, ReplicaId replica,
            RateLimitBudget budget, EndpointHealthService endpoints, Clock clock, GapService gaps) {
        this.config = config;
        this.accounts = accounts;
        this.replica = replica;
        this.budget = budget;
        this.endpoints = endpoints;
        this.clock = clock;
        this.gaps = gaps;
    }

    @Transactional
    void registerConfiguredAccounts(@Observes StartupEvent start) {
        checkPollIntervals();
        for (Map.Entry<String, ChannelConfig.Account> entry : config.accounts().entrySet()) {
            ChannelAccount account = accounts.findByKey(entry.getKey()).orElse(null);
            if (account == null) {
                accounts.persist(new ChannelAccount(entry.getKey(), Network.X, entry.getValue().handle(), clock.instant()));
                LOG.infof("channel account registered: account=%s handle=%s", entry.getKey(), entry.getValue().handle());
            } else if (account.externalUserId() == null) {
                account.rename(entry.getValue().handle());
            }
        }
        accounts.flush();
        config.accounts().keySet().forEach(endpoints::register);
    }

    /**
     * How often the account is polled: in a push mode its {@code reconcile-interval} (at least one tick), else its
     * own {@code poll-interval}, else {@code signet.channel.poll-interval}; empty when scheduled polling is off.
     */
    public Optional<Duration> pollInterval(String accountKey) {
        Optional<Duration> tick = PollInterval.parse(config.pollInterval());
        if (tick.isEmpty()) {
            return tick;
        }
        ChannelConfig.Account account = config.accounts().get(accountKey);
        if (account != null && account.delivery().pushed()) {
            Duration reconcile = account.reconcileInterval();
            return Optional.of(reconcile.compareTo(tick.get()) < 0 ? tick.get() : reconcile);
        }
        return account == null ? tick : account.pollInterval().map(PollInterval::parse).orElse(tick);
    }

    /** How the account's new messages reach Signet ({@code poll} for an account that is not configured). */
    public DeliveryMode delivery(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account == null ? DeliveryMode.POLL : account.delivery();
    }

    /** The since-moment of an account's first read: now minus its initial backfill window. */
    public Instant backfillFrom(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        Duration window = account == null ? Duration.ofDays(7) : account.initialBackfill();
        return clock.instant().minus(window);
    }

    /** An account may not be polled more often than the poller's tick; say so at start rather than ignore it. */
    private void checkPollIntervals() {
        Optional<Duration> tick = PollInterval.parse(config.pollInterval());
        for (Map.Entry<String, ChannelConfig.Account> entry : config.accounts().entrySet()) {
            Optional<Duration> own = entry.getValue().pollInterval().flatMap(PollInterval::parse);
            if (tick.isPresent() && own.isPresent() && own.get().compareTo(tick.get()) < 0) {
                throw new IllegalStateException("signet.channel.accounts." + entry.getKey() + ".poll-interval ("
                        + own.get() + ") is shorter than signet.channel.poll-interval (" + tick.get()
                        + "), the poller's tick; lower signet.channel.poll-interval or lengthen the account's interval");
            }
        }
    }

    private Duration leaseLength(String accountKey) {
        return pollInterval(accountKey).map(PollLease::length).orElse(MANUAL_LEASE);
    }

    @Transactional
    public List<String> configuredKeys() {
        return config.accounts().keySet().stream().sorted().toList();
    }

    @Transactional
    public AccountState state(String accountKey) {
        ChannelAccount account = find(accountKey);
        return new AccountState(account.accountKey(), account.externalUserId(), account.mentionsSinceId(),
                account.dmLastEventId());
    }

    @Transactional
    public void identified(String accountKey, AccountProfile profile) {
        find(accountKey).identify(profile.userId(), profile.handle());
    }

    /** Takes or renews this replica's poll lease on the account; false while another replica holds it. */
    @Transactional
    public boolean tryLease(String accountKey) {
        Instant now = clock.instant();
        return accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    /** This replica's periodic look at an account's lease: renews it if held, takes it if free or expired. */
    PollLease.Outcome keepLease(String accountKey) {
        return keepLease(accountKey, replica.value(), clock.instant(), leaseLength(accountKey));
    }

    /** {@link #keepLease(String)} for a given replica and time (tests play two replicas with it). */
    @Transactional
    PollLease.Outcome keepLease(String accountKey, String owner, Instant now, Duration lease) {
        if (accounts.renewLease(accountKey, owner, now.plus(lease))) {
            return PollLease.Outcome.RENEWED;
        }
        return accounts.lease(accountKey, owner, now, now.plus(lease)) ? PollLease.Outcome.TAKEN
                : PollLease.Outcome.HELD_ELSEWHERE;
    }

    /**
     * Mentions read from cursor {@code from} are all stored: moves the cursor to the read's, unless someone else
     * moved it meanwhile (then it stays theirs).
     */
    @Transactional
    public void mentionsRead(String accountKey, String from, FetchResult read) {
        if (!accounts.moveMentionsCursor(accountKey, from, read.cursor(), read.cutShort())) {
            LOG.warnf("mentions cursor moved elsewhere meanwhile, kept: account=%s from=%s read=%s", accountKey, from,
                    read.cursor());
        }
    }

    /** DM events read from cursor {@code from} are all stored: moves the cursor like {@link #mentionsRead}. */
    @Transactional
    public void directMessagesRead(String accountKey, String from, FetchResult read) {
        if (!accounts.moveDirectMessagesCursor(accountKey, from, read.cursor(), read.cutShort())) {
            LOG.warnf("DM cursor moved elsewhere meanwhile, kept: account=%s from=%s read=%s", accountKey, from,
                    read.cursor());
        }
    }

    /** The poller went through the account (each endpoint's outcome is in its own health): renews the lease. */
    @Transactional
    public void polled(String accountKey) {
        Instant now = clock.instant();
        accounts.polled(accountKey, now);
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    /**
     * Every registered account with its cursors, lease and the health of each endpoint, for the channel health
     * group, the API and the channel health page.
     */
    @Transactional
    public List<AccountHealth> health() {
        Instant now = clock.instant();
        Map<String, List<ChannelEndpoint>> byAccount = endpoints.all();
        Map<String, Long> openGaps = gaps.openCounts();
        return accounts.listAll().stream()
                .filter(account -> config.accounts().containsKey(account.accountKey()))
                .map(account -> AccountHealth.of(account.accountKey(), account.handle(), account.externalUserId(),
                        account.lastPollAt(), account.lastMessageAt(), account.leaseOwner(), account.leaseUntil(),
                        account.mentionsSinceId(), account.dmLastEventId(),
                        pollInterval(account.accountKey()).orElse(null),
                        budget.remaining(account.accountKey(), ApiCall.MENTIONS).orElse(null),
                        budget.remaining(account.accountKey(), ApiCall.DIRECT_MESSAGES).orElse(null),
                        account.mentionsBehind(), account.dmsBehind(), overdue(account, now),
                        endpointHealth(account.accountKey(), byAccount.getOrDefault(account.accountKey(), List.of()), now),
                        openGaps.getOrDefault(account.accountKey(), 0L)))
                .sorted(Comparator.comparing(AccountHealth::accountKey))
                .toList();
    }

    /**
     * Not polled for longer than expected: a poll every interval, and a takeover within one more when the
     * holder dies. Scheduled polling only (on demand, nothing is expected).
     */
    private boolean overdue(ChannelAccount account, Instant now) {
        Optional<Duration> interval = pollInterval(account.accountKey());
        if (interval.isEmpty()) {
            return false;
        }
        return PollSchedule.isOverdue(account.lastPollAt(), account.createdAt(), interval.get(), now);
    }

    private List<EndpointHealth> endpointHealth(String accountKey, List<ChannelEndpoint> rows, Instant now) {
        return rows.stream()
                .sorted(Comparator.comparing(ChannelEndpoint::endpoint))
                .map(row -> {
                    ApiCall call = row.endpoint() == Endpoint.MENTIONS ? ApiCall.MENTIONS
                            : row.endpoint() == Endpoint.DIRECT_MESSAGES ? ApiCall.DIRECT_MESSAGES : null;
                    Duration readEvery = call != null && PollPacing.spreads(config, call)
                            ? budget.spacing(accountKey, call) : null;
                    Instant blockedUntil = row.blockedUntil() != null && row.blockedUntil().isAfter(now)
                            ? row.blockedUntil() : null;
                    Instant nextReadAt = row.nextReadAt() != null && row.nextReadAt().isAfter(now) ? row.nextReadAt() : null;
                    return new EndpointHealth(row.endpoint().tag(), row.lastSuccessAt(), row.lastError(),
                            row.lastErrorAt(), row.consecutiveFailures(), blockedUntil, nextReadAt, readEvery);
                })
                .toList();
    }

    private ChannelAccount find(String accountKey) {
        return accounts.findByKey(accountKey)
                .orElseThrow(() -> new IllegalStateException("Channel account " + accountKey + " is not registered"));
    }

    /** What the poller needs to know about an account. */
    public record AccountState(String accountKey, String externalUserId, String mentionsSinceId, String dmLastEventId) {
    }
}
