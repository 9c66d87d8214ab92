package dev.signet.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * The alarm for the failure help desks on X know best: messages silently stop arriving. Every minute each
 * account's last customer message is compared with its usual rate for this hour of the day; a silent account
 * is logged (once, when it falls silent), exposed as the metric {@code signet_channel_silent{account=…}} and
 * shown on the admin page.
 */
@ApplicationScoped
public class SilenceWatch {

    private static final Logger LOG = Logger.getLogger(SilenceWatch.class);

    private final ChannelAccountRepository accounts;
    private final ChannelConfig channels;
    private final HourlyVolumeRepository volumes;
    private final SilenceConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Boolean> silent = new ConcurrentHashMap<>();

    public SilenceWatch(ChannelAccountRepository accounts, ChannelConfig channels, HourlyVolumeRepository volumes,
            SilenceConfig config, MeterRegistry registry, Clock clock) {
        this.accounts = accounts;
        this.channels = channels;
        this.volumes = volumes;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(identity = "silence-watch", every = "1m", delayed = "30s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void watch() {
        check();
    }

    /** Checks every account now; logs and records changes. */
    @Transactional
    public List<AccountSilence> check() {
        Instant now = clock.instant();
        List<AccountSilence> states = accounts.listAll().stream()
                .filter(account -> channels.accounts().containsKey(account.accountKey()))
                .map(account -> state(account, now))
                .toList();
        for (AccountSilence state : states) {
            Boolean before = silent.put(state.accountKey(), state.silent());
            if (before == null) {
                Gauge.builder("signet.channel.silent", silent, map -> Boolean.TRUE.equals(map.get(state.accountKey())) ? 1 : 0)
                        .tag("account", state.accountKey())
                        .description("1 while the account receives nothing although customers usually write at this hour")
                        .register(registry);
            }
            if (state.silent() && !Boolean.TRUE.equals(before)) {
                LOG.warnf("channel silent: account=%s lastMessageAt=%s usualPerHour=%.1f silentForMinutes=%d",
                        state.accountKey(), state.lastMessageAt(), state.usualPerHour(), state.silentForAtLeast());
            } else if (!state.silent() && Boolean.TRUE.equals(before)) {
                LOG.infof("channel receiving again: account=%s lastMessageAt=%s", state.accountKey(), state.lastMessageAt());
            }
        }
        return states;
    }

    private AccountSilence state(ChannelAccount account, Instant now) {
        double usual = volumes.usualRate(account.accountKey(), now, config.baselineDays());
        Duration threshold = SilenceRule.threshold(usual, config.minHourlyRate(), config.gaps(), config.minimumSilence());
        return new AccountSilence(account.accountKey(), account.handle(), account.lastMessageAt(), usual,
                threshold == null ? 0 : threshold.toMinutes(), SilenceRule.silent(account.lastMessageAt(), now, threshold));
    }
}
