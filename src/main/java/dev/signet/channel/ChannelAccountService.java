package dev.signet.channel;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.customer.Network;
import io.quarkus.runtime.StartupEvent;

/** Keeps a row per configured brand account (its cursors and health live there) and records polls. */
@ApplicationScoped
public class ChannelAccountService {

    private static final Logger LOG = Logger.getLogger(ChannelAccountService.class);

    private final ChannelConfig config;
    private final ChannelAccountRepository accounts;
    private final Clock clock;

    public ChannelAccountService(ChannelConfig config, ChannelAccountRepository accounts, Clock clock) {
        this.config = config;
        this.accounts = accounts;
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

    @Transactional
    public void pollSucceeded(String accountKey, String mentionsCursor, String dmCursor) {
        find(accountKey).pollSucceeded(mentionsCursor, dmCursor, clock.instant());
    }

    @Transactional
    public void pollFailed(String accountKey, String reason) {
        find(accountKey).pollFailed(reason);
    }

    private ChannelAccount find(String accountKey) {
        return accounts.findByKey(accountKey)
                .orElseThrow(() -> new IllegalStateException("Channel account " + accountKey + " is not registered"));
    }

    /** What the poller needs to know about an account. */
    public record AccountState(String accountKey, String externalUserId, String mentionsSinceId, String dmLastEventId) {
    }
}
