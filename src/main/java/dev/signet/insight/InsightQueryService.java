package dev.signet.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.CareFigures;
import dev.signet.channel.ChannelAccount;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.channel.ChannelConfig;
import dev.signet.channel.HourlyVolumeRepository;

/**
 * Reads the insights of one brand account and period from the roll-ups ({@code hourly_volume},
 * {@code hourly_sentiment}, {@code daily_term}), never from the message table: a constant number of queries
 * over at most a few thousand rows, whatever the number of messages. Resolution times come from the
 * conversations resolved in the period (through the index on account and {@code resolved_at}); example messages
 * are read by id. What is care's (resolution, CSAT, escalations, message texts) comes through care's read API,
 * {@link CareFigures}: insight reads only its own tables.
 */
@ApplicationScoped
public class InsightQueryService {

    /** Example messages shown per term. */
    static final int EXAMPLES_PER_TERM = 2;
    static final int ALERTS_SHOWN = 20;
    static final int ESCALATION_REASONS_SHOWN = 5;
    /** At most this many flagged messages are exported at once, newest first. */
    public static final int FLAGGED_EXPORT_LIMIT = 5_000;

    private final EntityManager em;
    private final ChannelAccountRepository accounts;
    private final ChannelConfig channels;
    private final SpikeAlertRepository alerts;
    private final InsightConfig config;
    private final DemoInsights demo;
    private final HourlyVolumeRepository volumes;
    private final MarketFeedbackService marketFeedback;
    private final CareFigures care;
    private final Clock clock;

    public InsightQueryService(EntityManager em, ChannelAccountRepository accounts, ChannelConfig channels,
            SpikeAlertRepository alerts, InsightConfig config, DemoInsights demo, HourlyVolumeRepository volumes,
            MarketFeedbackService marketFeedback, CareFigures care, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.channels = channels;
        this.alerts = alerts;
        this.config = config;
        this.demo = demo;
        this.volumes = volumes;
        this.marketFeedback = marketFeedback;
        this.care = care;
        this.clock = clock;
    }

    /** The configured brand accounts (key and handle), for the account selector. */
    public List<AccountChoice> accounts() {
        return channels.accounts().entrySet().stream()
                .map(e -> new AccountChoice(e.getKey(), e.getValue().handle()))
                .sorted((a, b) -> a.accountKey().compareTo(b.accountKey()))
                .toList();
    }

    @Transactional
    public InsightReport report(String accountKey, InsightPeriod period) {
        ChannelAccount account = account(accountKey);
        Instant now = clock.instant();
        Instant from = period.start(now);
        Instant to = period.end(now);
        List<InsightReport.SeriesPoint> points = series(accountKey, period, from, to);
        InsightReport.Totals totals = totals(points);
        TopTerms top = topTerms(accountKey, from, to);
        InsightReport.Resolution resolution = resolution(account, from, to);
        InsightReport.Csat csat = csat(account, from, to);
        Instant previousFrom = from.minus(Duration.between(from, to));
        return new InsightReport(accountKey, account.handle(), period.key(), from, to,
                period.bucket() == ChronoUnit.HOURS ? "hour" : "day", totals, points,
                top.hashtags(), top.terms(),
                resolution,
                alerts.since(accountKey, from, ALERTS_SHOWN).stream().map(SpikeAlert::view).toList(),
                csat,
                escalations(account, from, to),
                marketFeedback.report(accountKey, from, to),
                demo.shown(),
                headline(totals, resolution, csat, previousTotals(accountKey, previousFrom, from),
                        resolution(account, previousFrom, from), csat(account, previousFrom, from).averageScore()));
    }

    /** The headline row: volume, negative share, resolution p50 and p90, CSAT, each against the previous period. */
    private static List<InsightReport.HeadlineFigure> headline(InsightReport.Totals now, InsightReport.Resolution resolution,
            InsightReport.Csat csat, InsightReport.Totals before, InsightReport.Resolution previousResolution,
            Double previousCsat) {
        return List.of(
                InsightReport.HeadlineFigure.of("volume", "Volume", (double) now.messages(), (double) before.messages(), "",
                        true, false, false),
                InsightReport.HeadlineFigure.of("negative", "Negative share", negativeShare(now), negativeShare(before), "%",
                        false, true, true),
                InsightReport.HeadlineFigure.of("p50", "Resolution p50", resolution.medianMinutes(),
                        previousResolution.medianMinutes(), " min", false, true, true),
                InsightReport.HeadlineFigure.of("p90", "Resolution p90", resolution.p90Minutes(),
                        previousResolution.p90Minutes(), " min", false, true, true),
                InsightReport.HeadlineFigure.of("csat", "CSAT (1–5)", csat.averageScore(), previousCsat, "", false, false, true));
    }

    private static Double negativeShare(InsightReport.Totals totals) {
        return totals.scored() == 0 ? null : Math.round(1000.0 * totals.negative() / totals.scored()) / 10.0;
    }

    /** The previous period's sums from the hourly roll-ups (channel's volume, insight's sentiment): 2 queries. */
    private InsightReport.Totals previousTotals(String accountKey, Instant from, Instant to) {
        long messages = volumes.between(accountKey, from, to).values().stream().mapToLong(Long::longValue).sum();
        Object[] s = em.createQuery("""
                select coalesce(sum(s.positive), 0), coalesce(sum(s.neutral), 0), coalesce(sum(s.negative), 0)
                from HourlySentiment s where s.accountKey = :a and s.hourStart >= :from and s.hourStart < :to""", Object[].class)
                .setParameter("a", accountKey).setParameter("from", from).setParameter("to", to).getSingleResult();
        long positive = ((Number) s[0]).longValue();
        long neutral = ((Number) s[1]).longValue();
        long negative = ((Number) s[2]).longValue();
        return new InsightReport.Totals(messages, positive + neutral + negative, positive, neutral, negative);
    }

    /** The period's time series alone (for the export). */
    @Transactional
    public List<InsightReport.SeriesPoint> series(String accountKey, InsightPeriod period) {
        account(accountKey);
        Instant now = clock.instant();
        return series(accountKey, period, period.start(now), period.end(now));
    }

    /** Messages flagged in the period, newest first, at most {@link #FLAGGED_EXPORT_LIMIT}. */
    @Transactional
    public List<FlaggedMessageView> flagged(String accountKey, InsightPeriod period) {
        account(accountKey);
        Instant now = clock.instant();
        List<Object[]> rows = em.createQuery("""
                select f.messageId, f.reason, f.sentAt, f.flaggedAt, f.category, f.note from FlaggedMessage f
                where f.accountKey = :a and f.sentAt >= :from and f.sentAt < :to
                order by f.sentAt desc, f.messageId desc""", Object[].class)
                .setParameter("a", accountKey).setParameter("from", period.start(now)).setParameter("to", period.end(now))
                .setMaxResults(FLAGGED_EXPORT_LIMIT).getResultList();
        Map<Long, CareFigures.MessageText> texts = care.messages(rows.stream().map(r -> (Long) r[0]).toList());
        // A flagged message whose message is gone is left out, as the join did before care's read API.
        return rows.stream().filter(r -> texts.containsKey((Long) r[0]))
                .map(r -> new FlaggedMessageView((Long) r[0], (FlagReason) r[1], (Instant) r[2], (Instant) r[3],
                        texts.get((Long) r[0]).text(), (FeedbackCategory) r[4], (String) r[5]))
                .toList();
    }

    /**
     * CSAT of the surveys asked in the period, and the skips by reason, through care ({@link CareFigures}: 2
     * queries). Team figures only: the agent who signed a question is not read.
     */
    private InsightReport.Csat csat(ChannelAccount account, Instant from, Instant to) {
        CareFigures.Csat figures = care.csat(account.id(), from, to);
        long asked = figures.asked();
        long answered = figures.answered();
        long scored = figures.scored();
        Double average = figures.averageScore() == null ? null : Math.round(figures.averageScore() * 100) / 100.0;
        List<InsightReport.SkipCount> skips = new ArrayList<>();
        long skippedTotal = 0;
        for (CareFigures.SkipCount skip : figures.skipped()) {
            skips.add(new InsightReport.SkipCount(skip.reason().name(), skip.reason().label(), skip.count()));
            skippedTotal += skip.count();
        }
        String note = asked > 0 ? null
                : "No satisfaction question was asked in this period (at most one per customer per period, after resolution).";
        return new InsightReport.Csat(asked > 0, note, asked, answered, scored, average,
                scored == 0 ? null : Math.round(100.0 * figures.satisfied() / scored),
                asked == 0 ? null : Math.round(100.0 * answered / asked), skippedTotal, skips);
    }

    /**
     * Escalations recorded in the period on the account's conversations, through care ({@link CareFigures}: 2
     * queries). The actor is not read: escalations are the team's figure, never a rep's.
     */
    private InsightReport.Escalations escalations(ChannelAccount account, Instant from, Instant to) {
        CareFigures.Escalations figures = care.escalations(account.id(), from, to, ESCALATION_REASONS_SHOWN);
        List<InsightReport.EscalationReason> reasons = figures.reasons().stream()
                .map(r -> new InsightReport.EscalationReason(r.reason(), r.count())).toList();
        String note = figures.escalated() > 0 ? null : "No conversation was escalated to the leads in this period.";
        return new InsightReport.Escalations(figures.escalated() > 0, note, figures.escalated(), figures.conversations(),
                figures.deescalated(), reasons);
    }

    private ChannelAccount account(String accountKey) {
        if (accountKey == null || !channels.accounts().containsKey(accountKey)) {
            throw new AccountNotFoundException(accountKey == null ? "" : accountKey);
        }
        return accounts.findByKey(accountKey).orElseThrow(() -> new AccountNotFoundException(accountKey));
    }

    private List<InsightReport.SeriesPoint> series(String accountKey, InsightPeriod period, Instant from, Instant to) {
        Map<Instant, long[]> buckets = new TreeMap<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(1, period.bucket())) {
            buckets.put(t, new long[4]);
        }
        volumes.between(accountKey, from, to).forEach((hour, messages) -> bucket(buckets, period, hour)[0] += messages);
        em.createQuery("""
                select s.hourStart, s.positive, s.neutral, s.negative from HourlySentiment s
                where s.accountKey = :a and s.hourStart >= :from and s.hourStart < :to""", Object[].class)
                .setParameter("a", accountKey).setParameter("from", from).setParameter("to", to)
                .getResultList()
                .forEach(r -> {
                    long[] b = bucket(buckets, period, (Instant) r[0]);
                    b[1] += (Long) r[1];
                    b[2] += (Long) r[2];
                    b[3] += (Long) r[3];
                });
        List<InsightReport.SeriesPoint> points = new ArrayList<>(buckets.size());
        buckets.forEach((start, b) -> points.add(new InsightReport.SeriesPoint(start, b[0], b[1], b[2], b[3])));
        return points;
    }

    private static long[] bucket(Map<Instant, long[]> buckets, InsightPeriod period, Instant hour) {
        return buckets.computeIfAbsent(hour.truncatedTo(period.bucket()), h -> new long[4]);
    }

    private static InsightReport.Totals totals(List<InsightReport.SeriesPoint> points) {
        long messages = 0;
        long positive = 0;
        long neutral = 0;
        long negative = 0;
        for (InsightReport.SeriesPoint p : points) {
            messages += p.messages();
            positive += p.positive();
            neutral += p.neutral();
            negative += p.negative();
        }
        return new InsightReport.Totals(messages, positive + neutral + negative, positive, neutral, negative);
    }

    /**
     * The top hashtags and the top terms of the period, each with a few example messages: one pass over the
     * term roll-up (ranked per kind with a window function), one over the examples' ids, one for their texts.
     */
    private TopTerms topTerms(String accountKey, Instant from, Instant to) {
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> top = em.createNativeQuery("""
                select term, hashtag, total from (
                  select term, hashtag, sum(mentions) as total,
                    row_number() over (partition by hashtag order by sum(mentions) desc, term) as rank_in_kind
                  from daily_term
                  where account_key = ?1 and term_day >= ?2 and term_day <= ?3
                  group by term, hashtag) ranked
                where rank_in_kind <= ?4
                order by hashtag desc, total desc, term""")
                .setParameter(1, accountKey).setParameter(2, firstDay).setParameter(3, lastDay)
                .setParameter(4, config.topTerms()).getResultList();
        if (top.isEmpty()) {
            return new TopTerms(List.of(), List.of());
        }
        List<String> names = top.stream().map(r -> (String) r[0]).toList();
        Map<String, List<Long>> exampleIds = new LinkedHashMap<>();
        em.createQuery("""
                select t.term, t.exampleIds from DailyTerm t
                where t.accountKey = :a and t.day >= :first and t.day <= :last and t.term in :terms
                order by t.day desc""", Object[].class)
                .setParameter("a", accountKey).setParameter("first", firstDay).setParameter("last", lastDay)
                .setParameter("terms", names).getResultList()
                .forEach(r -> {
                    List<Long> ids = exampleIds.computeIfAbsent((String) r[0], k -> new ArrayList<>());
                    Arrays.stream(((String) r[1]).split(",")).filter(s -> !s.isBlank())
                            .map(Long::valueOf)
                            .forEach(id -> {
                                if (ids.size() < EXAMPLES_PER_TERM && !ids.contains(id)) {
                                    ids.add(id);
                                }
                            });
                });
        Map<Long, InsightReport.ExampleMessage> messages = examples(
                exampleIds.values().stream().flatMap(List::stream).distinct().toList());
        List<InsightReport.TopTerm> hashtags = new ArrayList<>();
        List<InsightReport.TopTerm> terms = new ArrayList<>();
        for (Object[] r : top) {
            String term = (String) r[0];
            boolean hashtag = (Boolean) r[1];
            List<InsightReport.ExampleMessage> examples = exampleIds.getOrDefault(term, List.of()).stream()
                    .map(messages::get).filter(m -> m != null).toList();
            (hashtag ? hashtags : terms).add(new InsightReport.TopTerm(term, hashtag, ((Number) r[2]).longValue(), examples));
        }
        return new TopTerms(hashtags, terms);
    }

    private record TopTerms(List<InsightReport.TopTerm> hashtags, List<InsightReport.TopTerm> terms) {
    }

    private Map<Long, InsightReport.ExampleMessage> examples(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, InsightReport.ExampleMessage> byId = new HashMap<>();
        care.messages(ids).values()
                .forEach(m -> byId.put(m.id(), new InsightReport.ExampleMessage(m.id(), m.sentAt(), m.text())));
        return byId;
    }

    /** Median and 90th percentile, on the customer's clock (first message → resolution), through care: 1 query. */
    private InsightReport.Resolution resolution(ChannelAccount account, Instant from, Instant to) {
        CareFigures.Resolution figures = care.resolution(account.id(), from, to);
        if (figures.resolved() == 0) {
            return new InsightReport.Resolution(0, null, null);
        }
        return new InsightReport.Resolution(figures.resolved(), minutes(figures.medianSeconds()),
                minutes(figures.p90Seconds()));
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    /** A brand account to choose on the insights page. */
    public record AccountChoice(String accountKey, String handle) {
    }
}
