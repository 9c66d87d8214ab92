package dev.signet.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.signet.channel.ChannelConfig;
import dev.signet.channel.HourlyVolumeRepository;
import dev.signet.insight.DailyTerm;
import dev.signet.insight.DemoInsights;
import dev.signet.insight.HourlySentiment;
import dev.signet.sentiment.Sentiment;
import dev.signet.insight.SpikeWatch;
import dev.signet.insight.Term;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo history for the insights page of the embedded default ({@code signet.demo.insights-history}): five weeks
 * of hourly volume and sentiment for each configured brand account, with a daily and weekly rhythm, a few terms
 * and hashtags per day, and — on the first account — a volume and negative-share spike in the last three hours,
 * so that the page shows alerts at once. Generated, not real: the page says so. Seeded once, when an account
 * has no sentiment history yet; deterministic (seeded random numbers).
 */
@ApplicationScoped
public class InsightsDemoHistory implements DemoInsights {

    private static final Logger LOG = Logger.getLogger(InsightsDemoHistory.class);
    static final int DAYS = 35;
    static final int SPIKE_HOURS = 3;
    /** An hour brings between LOW_NOISE and LOW_NOISE + NOISE_SPAN times its usual volume. */
    static final double LOW_NOISE = 0.85;
    static final double NOISE_SPAN = 0.3;
    /** The share of an hour's messages that are scored. */
    static final double SCORED_SHARE = 0.9;

    private static final List<Term> TERMS = List.of(
            new Term("#delayed", true), new Term("#lostluggage", true), new Term("#customerservice", true),
            new Term("#wifi", true), new Term("#refund", true), new Term("flight", false), new Term("bag", false),
            new Term("gate", false), new Term("refund", false), new Term("booking", false), new Term("seat", false),
            new Term("signal", false), new Term("app", false), new Term("outage", false));

    private final DemoConfig config;
    private final ChannelConfig channels;
    private final HourlyVolumeRepository volumes;
    private final EntityManager em;
    private final SpikeWatch spikes;
    private final Clock clock;

    public InsightsDemoHistory(DemoConfig config, ChannelConfig channels, HourlyVolumeRepository volumes,
            EntityManager em, SpikeWatch spikes, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.volumes = volumes;
        this.em = em;
        this.spikes = spikes;
        this.clock = clock;
    }

    @Override
    public boolean shown() {
        return config.insightsHistory();
    }

    void onStart(@Observes @Priority(30) StartupEvent start) {
        if (!config.insightsHistory()) {
            return;
        }
        Instant now = clock.instant();
        List<String> accounts = channels.accounts().keySet().stream().sorted().toList();
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            boolean spike = i == 0;
            boolean seeded = QuarkusTransaction.requiringNew().call(() -> seed(account, now, spike));
            if (seeded) {
                LOG.infof("demo insight history seeded: account=%s days=%d spike=%s", account, DAYS, spike);
                spikes.check(account, now);
            }
        }
    }

    private boolean seed(String account, Instant now, boolean spike) {
        long existing = em.createQuery("select count(s) from HourlySentiment s where s.accountKey = :a", Long.class)
                .setParameter("a", account).getSingleResult();
        if (existing > 0) {
            return false;
        }
        Random random = new Random(account.hashCode());
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Instant first = current.minus(Duration.ofDays(DAYS));
        Map<Instant, Long> perHour = new HashMap<>();
        Map<LocalDate, Long> perDay = new HashMap<>();
        for (Instant hour = first; !hour.isAfter(current); hour = hour.plus(Duration.ofHours(1))) {
            boolean spiking = spike && hour.isAfter(current.minus(Duration.ofHours(SPIKE_HOURS)));
            long messages = Math.round(usual(hour) * (LOW_NOISE + NOISE_SPAN * random.nextDouble()) * (spiking ? 6 : 1));
            perHour.put(hour, messages);
            perDay.merge(LocalDate.ofInstant(hour, ZoneOffset.UTC), messages, Long::sum);
            double negative = spiking ? 0.65 : 0.22 + 0.06 * random.nextDouble();
            double positive = spiking ? 0.10 : 0.28 + 0.06 * random.nextDouble();
            long scored = Math.round(messages * SCORED_SHARE);
            HourlySentiment sentiment = new HourlySentiment(account, hour);
            long neg = Math.round(scored * negative);
            long pos = Math.round(scored * positive);
            sentiment.add(Sentiment.NEGATIVE, neg);
            sentiment.add(Sentiment.POSITIVE, pos);
            sentiment.add(Sentiment.NEUTRAL, Math.max(0, scored - neg - pos));
            em.persist(sentiment);
        }
        volumes.add(account, perHour);
        perDay.forEach((day, messages) -> {
            for (int t = 0; t < TERMS.size(); t++) {
                // A long tail: the first terms are the most used, with day-to-day noise.
                long mentions = Math.round(messages * 0.25 / (t + 1) * (0.7 + 0.6 * random.nextDouble()));
                if (mentions > 0) {
                    em.persist(DailyTerm.counted(account, day, TERMS.get(t), mentions));
                }
            }
        });
        return true;
    }

    /**
     * Messages an hour usually brings: quieter at night (UTC), busy at lunch and in the evening, calmer at weekends.
     * Never fewer than about 21 scored (40 × 0.7 × 0.85 × 0.9), so every hour of the week has a negative-share
     * baseline (a share needs {@code signet.insight.alerts.min-scored}, 20, scored messages) and the demo spike
     * shows whatever the hour the demo starts at.
     */
    static double usual(Instant hour) {
        int h = hour.atZone(ZoneOffset.UTC).getHour();
        DayOfWeek day = hour.atZone(ZoneOffset.UTC).getDayOfWeek();
        double daily = 40 + 40 * Math.max(0, Math.sin(Math.PI * (h - 6) / 17.0));
        return daily * (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.7 : 1.0);
    }
}
