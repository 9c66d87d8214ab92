package dev.signet.sla.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.signet.channel.ChannelAccountService;
import dev.signet.insight.AccountNotFoundException;
import dev.signet.insight.CsvExport;
import dev.signet.insight.InsightPeriod;
import dev.signet.sla.DurationBuckets;

/**
 * The team's service-level figures over one of the insights' periods, from the daily roll-up ({@code sla_daily}) and a
 * few live rows, in four statements whatever the volume: the roll-up's whole account-local days inside the period;
 * the record's rows ({@code sla_target}) of the partial days at its edges (the current day among them); the running
 * targets not yet due (to count the others as breached); and one page of breaches, latest first, from an index.
 * Targets count in the period they started in. Counts are exact; the median and p90 are read from the duration
 * buckets ({@link DurationBuckets}: within 1/16 of the nearest-rank percentile).
 */
@ApplicationScoped
public class SlaReportService {

    static final int BREACHES_SHOWN = 50;

    private final EntityManager em;
    private final ChannelAccountService accounts;
    private final Clock clock;

    public SlaReportService(EntityManager em, ChannelAccountService accounts, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public SlaReport report(String accountKey, String periodKey) {
        return report(accountKey, periodKey, null);
    }

    /**
     * The figures and one page of breaches: the latest, or those before the cursor {@code before} (a page's
     * {@link SlaReport#olderBreaches()}).
     */
    @Transactional
    public SlaReport report(String accountKey, String periodKey, String before) {
        InsightPeriod period = InsightPeriod.parse(periodKey);
        String account = accountKey == null || accountKey.isBlank() ? null : accountKey.trim();
        if (account != null && !accounts.configuredKeys().contains(account)) {
            throw new AccountNotFoundException(account);
        }
        BreachCursor cursor = BreachCursor.parse(before);
        Instant now = clock.instant();
        Instant from = period.start(now);
        Instant to = period.end(now);
        Map<String, ZoneId> scope = zones(account);
        Map<LineKey, Figures> figures = new TreeMap<>(LineKey.ORDER);
        rollUp(scope, from, to, figures);
        live(scope, from, to, figures);
        notYetDue(account, from, to, now, figures);

        List<SlaReport.Line> lines = new ArrayList<>();
        Map<String, Figures> totals = new TreeMap<>();
        figures.forEach((k, f) -> {
            lines.add(f.line(k.account(), k.tier(), k.channel(), k.target()));
            totals.computeIfAbsent(k.target(), t -> new Figures()).merge(f);
        });
        List<SlaReport.Line> totalLines = new ArrayList<>();
        totals.forEach((target, f) -> totalLines.add(f.line(account, null, null, target)));
        List<SlaReport.Breach> breaches = breaches(account, from, to, now, cursor);
        String older = null;
        if (breaches.size() > BREACHES_SHOWN) {
            breaches = breaches.subList(0, BREACHES_SHOWN);
            older = BreachCursor.of(breaches.get(BREACHES_SHOWN - 1)).toString();
        }
        return new SlaReport(account, period.key(), from, to, totalLines, lines, breaches, older);
    }

    /** The accounts in scope with the zone their roll-up days were cut in. */
    private Map<String, ZoneId> zones(String account) {
        List<Object[]> rows = rows("select account_key, zone from sla_daily_zone"
                + (account == null ? "" : " where account_key = ?1"), account == null ? List.of() : List.of(account));
        Map<String, ZoneId> zones = new TreeMap<>();
        for (Object[] r : rows) {
            if (!((String) r[1]).isEmpty()) {
                zones.put((String) r[0], ZoneId.of((String) r[1]));
            }
        }
        return zones;
    }

    /** The whole account-local days inside [from, to) of an account, or null when there are none. */
    record Days(LocalDate first, LocalDate last, Instant start, Instant end) {
        static Days inside(Instant from, Instant to, ZoneId zone) {
            LocalDate first = LocalDate.ofInstant(from, zone);
            if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
                first = first.plusDays(1);
            }
            LocalDate last = LocalDate.ofInstant(to, zone).minusDays(1);
            if (last.isBefore(first)) {
                return null;
            }
            return new Days(first, last, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    private void rollUp(Map<String, ZoneId> scope, Instant from, Instant to, Map<LineKey, Figures> figures) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        scope.forEach((account, zone) -> {
            Days days = Days.inside(from, to, zone);
            if (days != null) {
                where.append(where.isEmpty() ? "" : " or ").append(String.format(
                        "(account_key = ?%d and local_day >= ?%d and local_day <= ?%d)", parameters.size() + 1,
                        parameters.size() + 2, parameters.size() + 3));
                parameters.addAll(List.of(account, days.first(), days.last()));
            }
        });
        if (where.isEmpty()) {
            return;
        }
        for (Object[] r : rows("""
                select account_key, tier, channel, target, bucket, sum(met), sum(missed), sum(running) from sla_daily
                where """ + where + " group by account_key, tier, channel, target, bucket", parameters)) {
            Figures f = figures.computeIfAbsent(new LineKey((String) r[0], (String) r[1], (String) r[2], (String) r[3]),
                    k -> new Figures());
            f.add(((Number) r[4]).intValue(), number(r[5]), number(r[6]), number(r[7]));
        }
    }

    /** The record's rows of the partial days at the period's edges, bucketed here as the roll-up would have. */
    private void live(Map<String, ZoneId> scope, Instant from, Instant to, Map<LineKey, Figures> figures) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        scope.forEach((account, zone) -> {
            Days days = Days.inside(from, to, zone);
            List<Instant[]> ranges = days == null ? List.<Instant[]>of(new Instant[] { from, to })
                    : List.of(new Instant[] { from, days.start() }, new Instant[] { days.end(), to });
            for (Instant[] range : ranges) {
                if (range[0].isBefore(range[1])) {
                    where.append(where.isEmpty() ? "" : " or ").append(String.format(
                            "(account_key = ?%d and started_at >= ?%d and started_at < ?%d)", parameters.size() + 1,
                            parameters.size() + 2, parameters.size() + 3));
                    parameters.addAll(List.of(account, range[0], range[1]));
                }
            }
        });
        if (where.isEmpty()) {
            return;
        }
        for (Object[] r : rows("select account_key, tier, channel, target, met, business_seconds from sla_target where "
                + where, parameters)) {
            Figures f = figures.computeIfAbsent(new LineKey((String) r[0], (String) r[1], (String) r[2], (String) r[3]),
                    k -> new Figures());
            Boolean met = (Boolean) r[4];
            if (met == null || r[5] == null) {
                f.add(DurationBuckets.RUNNING, 0, 0, 1);
            } else {
                f.add(DurationBuckets.of(number(r[5])), met ? 1 : 0, met ? 0 : 1, 0);
            }
        }
    }

    /** Running targets not yet due (from the index on met and due time): neither met nor breached. */
    private void notYetDue(String account, Instant from, Instant to, Instant now, Map<LineKey, Figures> figures) {
        List<Object> parameters = new ArrayList<>(List.of(now, from, to));
        if (account != null) {
            parameters.add(account);
        }
        for (Object[] r : rows("""
                select account_key, tier, channel, target, count(*) from sla_target
                where met is null and due_at >= ?1 and started_at >= ?2 and started_at < ?3"""
                + (account == null ? "" : " and account_key = ?4") + " group by account_key, tier, channel, target",
                parameters)) {
            Figures f = figures.get(new LineKey((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
            if (f != null) {
                f.notYetDue += number(r[4]);
            }
        }
    }

    /**
     * One page of breaches (and one more, to tell whether there are older ones), latest due first: missed targets and
     * running ones past due, each read in due order from {@code ix_sla_target_open}.
     */
    private List<SlaReport.Breach> breaches(String account, Instant from, Instant to, Instant now, BreachCursor cursor) {
        List<Object> parameters = new ArrayList<>(List.of(from, to, now));
        String filter = " and started_at >= ?1 and started_at < ?2";
        if (account != null) {
            parameters.add(account);
            filter += " and account_key = ?" + parameters.size();
        }
        if (cursor != null) {
            parameters.add(cursor.dueAt());
            parameters.add(cursor.id());
            filter += String.format(" and (due_at < ?%d or (due_at = ?%d and id < ?%d))", parameters.size() - 1,
                    parameters.size() - 1, parameters.size());
        }
        String columns = "id, conversation_id, account_key, tier, channel, target, due_at, ended_at";
        String page = " order by due_at desc, id desc limit " + (BREACHES_SHOWN + 1);
        List<Object[]> rows = rows("select " + columns + " from ((select " + columns
                + " from sla_target where met = false" + filter + page + ") union all (select " + columns
                + " from sla_target where met is null and due_at < ?3" + filter + page + ")) b" + page, parameters);
        List<SlaReport.Breach> breaches = new ArrayList<>();
        for (Object[] r : rows) {
            breaches.add(new SlaReport.Breach(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], instant(r[6]), instant(r[7])));
        }
        return breaches;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /** A line's key, in the order the report lists them. */
    record LineKey(String account, String tier, String channel, String target) {
        static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::account).thenComparing(LineKey::tier)
                .thenComparing(LineKey::channel).thenComparing(LineKey::target);
    }

    /** A line's sums while the report is read: counts and the duration histogram. */
    static final class Figures {
        private long met;
        private long missed;
        private long running;
        private long notYetDue;
        private final NavigableMap<Integer, Long> histogram = new TreeMap<>();

        void add(int bucket, long met, long missed, long running) {
            this.met += met;
            this.missed += missed;
            this.running += running;
            if (bucket >= 0 && met + missed != 0) {
                histogram.merge(bucket, met + missed, Long::sum);
            }
        }

        void merge(Figures other) {
            met += other.met;
            missed += other.missed;
            running += other.running;
            notYetDue += other.notYetDue;
            other.histogram.forEach((b, n) -> histogram.merge(b, n, Long::sum));
        }

        SlaReport.Line line(String account, String tier, String channel, String target) {
            return new SlaReport.Line(account, tier, channel, target, met, missed + running - notYetDue,
                    DurationBuckets.percentile(histogram, 50), DurationBuckets.percentile(histogram, 90));
        }
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }

    /** The report as CSV: the lines (totals first, tier and channel "*"), then nothing else; breaches have their own. */
    public static String linesCsv(SlaReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("account", "tier", "channel",
                "target", "met", "breached", "percent_met", "median_seconds", "p90_seconds").get())) {
            List<SlaReport.Line> all = new ArrayList<>(report.totals());
            all.addAll(report.lines());
            for (SlaReport.Line l : all) {
                p.printRecord(CsvExport.safe(l.accountKey() == null ? "*" : l.accountKey()),
                        CsvExport.safe(l.tier() == null ? "*" : l.tier()), l.channel() == null ? "*" : l.channel(),
                        l.target(), l.met(), l.breached(), format(l.percentMet()), format(l.medianSeconds()),
                        format(l.p90Seconds()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to memory failed", e);
        }
        return out.toString();
    }

    /** The page of breaches as CSV. */
    public static String breachesCsv(SlaReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("conversation_id", "account",
                "tier", "channel", "target", "due_at", "ended_at").get())) {
            for (SlaReport.Breach b : report.breaches()) {
                p.printRecord(b.conversationId(), CsvExport.safe(b.accountKey()), CsvExport.safe(b.tier()), b.channel(),
                        b.target(), b.dueAt(), b.endedAt() == null ? "" : b.endedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to memory failed", e);
        }
        return out.toString();
    }

    private static String format(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
    }
}
