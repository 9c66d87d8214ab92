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
import dev.signet.customer.Network;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps a row per configured brand account (its cursors, lease and health live there) and records polls. The
 * poll lease makes exactly one replica poll an account; it lasts one of the account's poll intervals and is
 * renewed at the start and the end of every poll, so another replica takes over within two intervals when the
 * holder dies.
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
    private final Clock clock;
    private final GapService gaps;

    public ChannelAccountService(ChannelConfig config, ChannelAccountRepository accounts, ReplicaId replica,
            RateLimitBudget budget, Clock clock, GapService gaps) {
        this.config = config;
        this.accounts = accounts;
        this.replica = replica;
        this.budget = budget;
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
    }

    /**
     * How often the account is polled: its own {@code poll-interval}, else {@code signet.channel.poll-interval};
     * empty when scheduled polling is off.
     */
    public Optional<Duration> pollInterval(String accountKey) {
        Optional<Duration> tick = PollInterval.parse(config.pollInterval());
        if (tick.isEmpty()) {
            return tick;
        }
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account == null ? tick : account.pollInterval().map(PollInterval::parse).orElse(tick);
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
        return pollInterval(accountKey).orElse(MANUAL_LEASE);
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

    /** Mentions were read (not skipped by the budget) and every message is stored: moves the cursor. */
    @Transactional
    public void mentionsRead(String accountKey, FetchResult read) {
        Instant now = clock.instant();
        ChannelAccount account = find(accountKey);
        account.pollSucceeded(read.cursor(), null, now);
        account.readMentions(read.cutShort());
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    /** DM events were read (not skipped by the budget) and every message is stored: moves the cursor. */
    @Transactional
    public void directMessagesRead(String accountKey, FetchResult read) {
        Instant now = clock.instant();
        ChannelAccount account = find(accountKey);
        account.pollSucceeded(null, read.cursor(), now);
        account.readDirectMessages(read.cutShort());
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    /** A poll whose reads the budget skipped (window spent, or too soon): healthy, nothing moves. */
    @Transactional
    public void pollSkipped(String accountKey) {
        Instant now = clock.instant();
        find(accountKey).pollSucceeded(null, null, now);
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    @Transactional
    public void pollFailed(String accountKey, String reason) {
        Instant now = clock.instant();
        find(accountKey).pollFailed(reason);
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength(accountKey)));
    }

    /** Every registered account with its cursors, lease and health, for the health check and the API. */
    @Transactional
    public List<AccountHealth> health() {
        Map<String, Long> openGaps = gaps.openCounts();
        return accounts.listAll().stream()
                .filter(account -> config.accounts().containsKey(account.accountKey()))
                .map(account -> new AccountHealth(account.accountKey(), account.handle(), account.externalUserId(),
                        account.lastPollAt(), account.lastMessageAt(), account.lastPollError(),
                        account.consecutiveFailures(), account.leaseOwner(), account.leaseUntil(),
                        account.mentionsSinceId(), account.dmLastEventId(),
                        pollInterval(account.accountKey()).orElse(null),
                        budget.remaining(account.accountKey(), ApiCall.MENTIONS).orElse(null),
                        budget.remaining(account.accountKey(), ApiCall.DIRECT_MESSAGES).orElse(null),
                        account.mentionsBehind(), account.dmsBehind(),
                        openGaps.getOrDefault(account.accountKey(), 0L)))
                .sorted(Comparator.comparing(AccountHealth::accountKey))
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
