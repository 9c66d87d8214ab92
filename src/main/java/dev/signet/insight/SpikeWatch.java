package dev.signet.insight;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.ChannelConfig;
import dev.signet.channel.HourlyVolumeRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Watches every brand account for spikes (see {@link SpikeRule} and {@link InsightConfig.Alerts}): each minute
 * the current hour and the last full hour are compared with the same hours of the week in past weeks, for the
 * volume and for the negative share. The first spiking check opens an episode: the alert shows on the insights
 * page, counts in {@code signet_insight_spike_alerts_total{account,kind}}, sets
 * {@code signet_insight_spike{account,kind}} to 1 and is posted to the webhook, if one is configured. Later
 * spiking checks add nothing (one alert per episode); the first check with both hours back under the threshold
 * closes it.
 */
@ApplicationScoped
public class SpikeWatch {

    private static final Logger LOG = Logger.getLogger(SpikeWatch.class);
    static final String WEBHOOK_EVENT = "spike-alert";

    private final SpikeAlertRepository alerts;
    private final EntityManager em;
    private final HourlyVolumeRepository volumes;
    private final ChannelConfig channels;
    private final InsightConfig.Alerts config;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final Clock clock;
    private final SpikeWebhook webhook;
    private final SpikeRule volumeRule;
    private final SpikeRule shareRule;
    private final Map<String, Integer> spiking = new ConcurrentHashMap<>();

    public SpikeWatch(SpikeAlertRepository alerts, EntityManager em, HourlyVolumeRepository volumes,
            ChannelConfig channels, InsightConfig config, MeterRegistry registry, ObjectMapper json, Clock clock) {
        this.alerts = alerts;
        this.em = em;
        this.volumes = volumes;
        this.channels = channels;
        this.config = config.alerts();
        this.registry = registry;
        this.json = json;
        this.clock = clock;
        this.webhook = new SpikeWebhook(this.config.webhookTimeout());
        this.volumeRule = new SpikeRule(this.config.zThreshold(), this.config.minBaselineWeeks(), this.config.minVolumeMad(),
                this.config.minVolume());
        this.shareRule = new SpikeRule(this.config.zThreshold(), this.config.minBaselineWeeks(), this.config.minShareMad(), 0);
        if (this.config.webhookUrl().isPresent() && this.config.webhookSecret().isEmpty()) {
            throw new IllegalStateException("signet.insight.alerts.webhook-url is set without webhook-secret: "
                    + "an unsigned alert webhook is not sent");
        }
    }

    @Scheduled(identity = "spike-watch", every = "1m", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void watch() {
        if (!config.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (String accountKey : channels.accounts().keySet()) {
            try {
                check(accountKey, now);
            } catch (RuntimeException e) {
                // Another replica may have opened the same episode a moment earlier (unique open_key); the next
                // minute sees it. Any other failure is logged and the other accounts are still checked.
                LOG.warnf(e, "spike check failed: account=%s", accountKey);
            }
        }
    }

    /**
     * Checks one account at {@code now}, opens or closes its episodes (in one transaction), then posts the newly
     * opened alerts to the webhook. Returns the alerts opened by this check.
     */
    public List<SpikeAlertView> check(String accountKey, Instant now) {
        List<SpikeAlertView> opened = QuarkusTransaction.requiringNew().call(() -> evaluate(accountKey, now));
        for (SpikeAlertView alert : opened) {
            LOG.warnf("spike alert: account=%s kind=%s hour=%s observed=%.3f baseline=%.3f z=%.1f", alert.accountKey(),
                    alert.kind(), alert.hourStart(), alert.observed(), alert.baseline(), alert.zScore());
            Counter.builder("signet.insight.spike.alerts").tag("account", accountKey).tag("kind", alert.kind().name())
                    .description("Spike alerts raised (one per episode)").register(registry).increment();
            notifyWebhook(alert);
        }
        return opened;
    }

    private List<SpikeAlertView> evaluate(String accountKey, Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Instant previous = current.minus(Duration.ofHours(1));
        Series series = load(accountKey, List.of(current, previous));
        List<SpikeAlertView> opened = new ArrayList<>();
        for (SpikeKind kind : SpikeKind.values()) {
            Optional<Spike> spike = List.of(current, previous).stream()
                    .map(hour -> score(kind, hour, series).filter(SpikeRule.SpikeScore::spike).map(s -> new Spike(hour, s)))
                    .flatMap(Optional::stream)
                    .max(Comparator.comparingDouble(s -> s.score().z()));
            Optional<SpikeAlert> open = alerts.findOpen(accountKey, kind);
            if (spike.isPresent() && open.isEmpty()) {
                SpikeAlert alert = new SpikeAlert(accountKey, kind, spike.get().hour(), spike.get().score(), now);
                alerts.persist(alert);
                alerts.flush();
                opened.add(alert.view());
            } else if (spike.isPresent()) {
                open.get().stillSpiking(spike.get().score());
            } else if (open.isPresent()) {
                open.get().close(now);
                LOG.infof("spike over: account=%s kind=%s alert=%d", accountKey, kind, open.get().id());
            }
            gauge(accountKey, kind, spike.isPresent());
        }
        return opened;
    }

    private Optional<SpikeRule.SpikeScore> score(SpikeKind kind, Instant hour, Series series) {
        List<Double> history = new ArrayList<>();
        for (int week = 1; week <= config.baselineWeeks(); week++) {
            Instant past = hour.minus(Duration.ofDays(7L * week));
            if (kind == SpikeKind.VOLUME) {
                // An hour without messages counts as 0, but only once the account had any traffic.
                if (series.firstHour() != null && !past.isBefore(series.firstHour())) {
                    history.add((double) series.volume().getOrDefault(past, 0L));
                }
            } else {
                negativeShare(series.sentiment().get(past)).ifPresent(history::add);
            }
        }
        if (kind == SpikeKind.VOLUME) {
            return volumeRule.score(series.volume().getOrDefault(hour, 0L), history);
        }
        return negativeShare(series.sentiment().get(hour)).flatMap(share -> shareRule.score(share, history));
    }

    private Optional<Double> negativeShare(long[] counts) {
        if (counts == null) {
            return Optional.empty();
        }
        long total = counts[0] + counts[1] + counts[2];
        return total < config.minScored() ? Optional.empty() : Optional.of(counts[2] / (double) total);
    }

    /** The volume and sentiment of the given hours and of the same hours of the week in the baseline weeks. */
    private Series load(String accountKey, List<Instant> hours) {
        List<Instant> all = new ArrayList<>();
        for (Instant hour : hours) {
            for (int week = 0; week <= config.baselineWeeks(); week++) {
                all.add(hour.minus(Duration.ofDays(7L * week)));
            }
        }
        Map<Instant, Long> volume = volumes.at(accountKey, all);
        Map<Instant, long[]> sentiment = new HashMap<>();
        em.createQuery("""
                select s.hourStart, s.positive, s.neutral, s.negative from HourlySentiment s
                where s.accountKey = :a and s.hourStart in :hours""", Object[].class)
                .setParameter("a", accountKey).setParameter("hours", all).getResultList()
                .forEach(row -> sentiment.put((Instant) row[0], new long[] { (Long) row[1], (Long) row[2], (Long) row[3] }));
        Instant firstHour = volumes.firstHour(accountKey);
        return new Series(volume, sentiment, firstHour);
    }

    private void gauge(String accountKey, SpikeKind kind, boolean on) {
        String key = accountKey + ":" + kind.name();
        if (spiking.put(key, on ? 1 : 0) == null) {
            Gauge.builder("signet.insight.spike", spiking, map -> map.getOrDefault(key, 0))
                    .tag("account", accountKey).tag("kind", kind.name())
                    .description("1 while the account's volume or negative share spikes against its own baseline")
                    .register(registry);
        }
    }

    private void notifyWebhook(SpikeAlertView alert) {
        if (config.webhookUrl().isEmpty()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(new WebhookBody(WEBHOOK_EVENT, clock.instant(), alert));
            int status = webhook.post(config.webhookUrl().get(), config.webhookSecret().orElseThrow(), WEBHOOK_EVENT, body);
            if (status / 100 == 2) {
                LOG.infof("spike alert posted: alert=%d status=%d", alert.id(), status);
            } else {
                LOG.warnf("spike alert webhook refused: alert=%d status=%d", alert.id(), status);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Can't write the alert as JSON", e);
        } catch (IOException e) {
            // The alert stands on the page and in the metric; the webhook is a courtesy and is not retried.
            LOG.warnf("spike alert webhook failed: alert=%d error=%s", alert.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("spike alert webhook interrupted: alert=%d", alert.id());
        }
    }

    /** What the webhook receives. */
    public record WebhookBody(String event, Instant sentAt, SpikeAlertView alert) {
    }

    private record Spike(Instant hour, SpikeRule.SpikeScore score) {
    }

    private record Series(Map<Instant, Long> volume, Map<Instant, long[]> sentiment, Instant firstHour) {
    }
}
