package dev.signet.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.x.Twitter4jXConnector;

/** The connector of each configured brand account, built once and reused. */
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
            return new Twitter4jXConnector(key, account, config.requestTimeout(), budget);
        });
    }

    /** The signature format of an account ({@code  ^{initials}} unless configured otherwise). */
    public String signatureFormat(String accountKey) {
        ChannelConfig.Account account = config.accounts().get(accountKey);
        return account == null ? " ^{initials}" : account.signatureFormat();
    }
}
