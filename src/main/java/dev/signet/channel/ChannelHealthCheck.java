package dev.signet.channel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * The brand accounts' health on X, at {@code /q/health/group/channels}: DOWN while an endpoint of an account
 * (mentions, DMs, publishing) failed three times in a row or an account has not been polled for longer than
 * expected; the data names each account's state and why. Deliberately not part of readiness: one brand's trouble on
 * X must not take a replica out of service for every other brand (readiness covers Signet's own dependencies).
 */
@HealthGroup(ChannelHealthCheck.GROUP)
@ApplicationScoped
public class ChannelHealthCheck implements HealthCheck {

    /** The health group's name: {@code /q/health/group/channels}. */
    public static final String GROUP = "channels";

    private final ChannelAccountService accounts;

    public ChannelHealthCheck(ChannelAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public HealthCheckResponse call() {
        List<AccountHealth> health = accounts.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("channel-accounts")
                .status(health.stream().allMatch(AccountHealth::healthy));
        for (AccountHealth account : health) {
            response.withData(account.accountKey(), account.summary() + " (last poll " + account.lastPollAt() + ")");
        }
        return response.build();
    }
}
