package dev.signet.channel.push;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.channel.AccountProfile;
import dev.signet.channel.ChannelAccountService;
import dev.signet.channel.ChannelConnectors;
import dev.signet.channel.oauth.OAuth2Service;

/**
 * Keeps each push account's X Activity API subscriptions: one per configured event type, filtered by the brand's
 * user id, tagged {@code signet:<account>} (and bound to the account's webhook in {@code webhook} mode). It creates
 * only what is missing, so calling it after every reconnect costs one list call.
 */
@ApplicationScoped
class SubscriptionKeeper {

    private static final Logger LOG = Logger.getLogger(SubscriptionKeeper.class);

    private final PushConfig config;
    private final ChannelAccountService accounts;
    private final ChannelConnectors connectors;
    private final PushLedger ledger;
    private final OAuth2Service oauth;

    SubscriptionKeeper(PushConfig config, ChannelAccountService accounts, ChannelConnectors connectors,
            PushLedger ledger, OAuth2Service oauth) {
        this.oauth = oauth;
        this.config = config;
        this.accounts = accounts;
        this.connectors = connectors;
        this.ledger = ledger;
    }

    /** The brand's X user id, asking X once ({@code users/me}) if the account was never identified. */
    String brandUserId(String accountKey) {
        String known = accounts.state(accountKey).externalUserId();
        if (known != null) {
            return known;
        }
        AccountProfile profile = connectors.forAccount(accountKey).verifyCredentials();
        accounts.identified(accountKey, profile);
        return profile.userId();
    }

    /** Creates the account's missing subscriptions; {@code webhookId} is null for a stream account. */
    void ensure(XActivityClient client, String accountKey, String userId, String webhookId) {
        List<XActivityClient.Subscription> existing = client.subscriptions();
        int calls = 1;
        for (String eventType : config.events()) {
            boolean present = existing.stream().anyMatch(s -> eventType.equals(s.eventType()) && userId.equals(s.userId())
                    && (webhookId == null ? s.webhookId() == null : webhookId.equals(s.webhookId())));
            if (!present) {
                // X wants the brand's own OAuth 2.0 user context for its private events (DMs); the app's bearer token
                // serves the public ones, and the DMs too until an admin connects the account.
                boolean userContext = eventType.startsWith("dm.") && oauth.withUserToken(accountKey,
                        token -> client.subscribeAs(token, eventType, userId, "signet:" + accountKey, webhookId))
                        .isPresent();
                if (!userContext) {
                    client.subscribe(eventType, userId, "signet:" + accountKey, webhookId);
                }
                calls++;
                LOG.infof("push subscription created: account=%s event=%s", accountKey, eventType);
            }
        }
        ledger.requests(accountKey, calls);
    }
}
