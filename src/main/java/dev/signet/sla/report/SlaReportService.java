package dev.signet.sla.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

/**
 * The team's service-level figures over one of the insights' periods, in three statements whatever the volume:
 * per account / tier / channel / target, the totals per target (counts, median and p90 in the database, from the
 * report index alone), and the latest breaches. Targets count in the period they started in.
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
        InsightPeriod period = InsightPeriod.parse(periodKey);
        String account = accountKey == null || accountKey.isBlank() ? null : accountKey.trim();
        if (account != null && !accounts.configuredKeys().contains(account)) {
            throw new AccountNotFoundException(account);
        }
        Instant now = clock.instant();
        Instant from = period.start(now);
        Instant to = period.end(now);
        String where = " where started_at >= :from and started_at < :to" + (account == null ? "" : " and account_key = :account");
        String figures = """
                sum(case when met then 1 else 0 end),
                sum(case when met = false or (met is null and due_at < :now) then 1 else 0 end),
                percentile_cont(0.5) within group (order by business_seconds),
                percentile_cont(0.9) within group (order by business_seconds)
                from sla_target""";
        List<SlaReport.Line> lines = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("select account_key, tier, channel, target, " + figures + where
                + " group by account_key, tier, channel, target order by account_key, tier, channel, target"),
                account, from, to, now)) {
            lines.add(line((String) r[0], (String) r[1], (String) r[2], (String) r[3], r, 4));
        }
        List<SlaReport.Line> totals = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("select target, " + figures + where + " group by target order by target"),
                account, from, to, now)) {
            totals.add(line(account, null, null, (String) r[0], r, 1));
        }
        Query breachQuery = em.createNativeQuery("""
                select conversation_id, account_key, tier, channel, target, due_at, ended_at from sla_target"""
                + where + " and (met = false or (met is null and due_at < :now)) order by due_at desc, id desc")
                .setMaxResults(BREACHES_SHOWN);
        List<SlaReport.Breach> breaches = new ArrayList<>();
        for (Object[] r : rows(breachQuery, account, from, to, now)) {
            breaches.add(new SlaReport.Breach(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], instant(r[5]), instant(r[6])));
        }
        return new SlaReport(account, period.key(), from, to, totals, lines, breaches);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, String account, Instant from, Instant to, Instant now) {
        query.setParameter("from", from).setParameter("to", to).setParameter("now", now);
        if (account != null) {
            query.setParameter("account", account);
        }
        return query.getResultList();
    }

    private static SlaReport.Line line(String account, String tier, String channel, String target, Object[] r, int at) {
        return new SlaReport.Line(account, tier, channel, target, number(r[at]), number(r[at + 1]), decimal(r[at + 2]),
                decimal(r[at + 3]));
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double decimal(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
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

    /** The breaches as CSV. */
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
