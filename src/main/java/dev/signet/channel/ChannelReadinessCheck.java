package dev.signet.channel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reflects each brand account's polling: DOWN once an account failed three polls in a row (X is
 * unreachable, credentials revoked…), UP again after its next successful poll. The data names each account's
 * state so that whoever looks knows which one and why.
 */
@Readiness
@ApplicationScoped
public class ChannelReadinessCheck implements HealthCheck {

    private final ChannelAccountService accounts;

    public ChannelReadinessCheck(ChannelAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public HealthCheckResponse call() {
        List<AccountHealth> health = accounts.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("channel-accounts")
                .status(health.stream().allMatch(AccountHealth::healthy));
        for (AccountHealth account : health) {
            String state = account.healthy() ? "ok" : "failing: " + account.lastPollError();
            response.withData(account.accountKey(), state + " (last poll " + account.lastPollAt() + ")");
        }
        return response.build();
    }
}
