package dev.signet.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.customer.Network;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps a row per configured brand account (its cursors, lease and health live there) and records polls. The
 * poll lease makes exactly one replica poll an account; it lasts one poll interval and is renewed at the start
 * and the end of every poll, so another replica takes over within two intervals when the holder dies.
 */
@ApplicationScoped
public class ChannelAccountService {

    private static final Logger LOG = Logger.getLogger(ChannelAccountService.class);

    /** Lease length when scheduled polling is off (tests and manual polls). */
    static final Duration MANUAL_LEASE = Duration.ofSeconds(60);

    private final ChannelConfig config;
    private final ChannelAccountRepository accounts;
    private final ReplicaId replica;
    private final Duration leaseLength;
    private final Clock clock;

    public ChannelAccountService(ChannelConfig config, ChannelAccountRepository accounts, ReplicaId replica,
            Clock clock) {
        this.config = config;
        this.accounts = accounts;
        this.replica = replica;
        this.leaseLength = PollInterval.parse(config.pollInterval()).orElse(MANUAL_LEASE);
        this.clock = clock;
    }

    @Transactional
    void registerConfiguredAccounts(@Observes StartupEvent start) {
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
        return accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength));
    }

    @Transactional
    public void pollSucceeded(String accountKey, String mentionsCursor, String dmCursor) {
        Instant now = clock.instant();
        find(accountKey).pollSucceeded(mentionsCursor, dmCursor, now);
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength));
    }

    @Transactional
    public void pollFailed(String accountKey, String reason) {
        Instant now = clock.instant();
        find(accountKey).pollFailed(reason);
        accounts.lease(accountKey, replica.value(), now, now.plus(leaseLength));
    }

    /** Every registered account with its cursors, lease and health, for the health check and the API. */
    @Transactional
    public List<AccountHealth> health() {
        return accounts.listAll().stream()
                .filter(account -> config.accounts().containsKey(account.accountKey()))
                .map(account -> new AccountHealth(account.accountKey(), account.handle(), account.externalUserId(),
                        account.lastPollAt(), account.lastPollError(), account.consecutiveFailures(),
                        account.leaseOwner(), account.leaseUntil(), account.mentionsSinceId(), account.dmLastEventId()))
                .sorted(java.util.Comparator.comparing(AccountHealth::accountKey))
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
