package dev.signet.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.x.Twitter4jXConnector;
import dev.signet.channel.x.XApiV2Connector;

/** The connector of each configured brand account (v1.1 or v2, as configured), built once and reused. */
@ApplicationScoped
public class ChannelConnectors {

    private final ChannelConfig config;
    private final RateLimitBudget budget;
    private final Map<String, ChannelConnector> connectors = new ConcurrentHashMap<>();

    public ChannelConnectors(ChannelConfig config, RateLimitBudget budget) {
        this.config = config;
        this.budget = budget;
    }

    public ChannelConnector forAccount(String accountKey) {
        return connectors.computeIfAbsent(accountKey, key -> {
            ChannelConfig.Account account = config.accounts().get(key);
            if (account == null) {
                throw new IllegalArgumentException("No channel account is configured under the key " + key);
            }
            return switch (account.apiVersion()) {
                case V1_1 -> new Twitter4jXConnector(key, account, config.requestTimeout(), budget);
                case V2 -> new XApiV2Connector(key, account, config.requestTimeout(), budget);
            };
        });
    }

    /**
     * Whether X refuses this account's public replies to posts that did not mention (or quote) it, so that
     * Signet must refuse them first and advise a DM (v2, self-serve access).
     */
    public boolean publicRepliesNeedMention(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account != null && account.apiVersion().publicRepliesNeedMention();
    }

    /** The signature format of an account ({@code  ^{initials}} unless configured otherwise). */
    public String signatureFormat(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account == null ? " ^{initials}" : account.signatureFormat();
    }
}
