package dev.signet.insight;

import java.time.Instant;
import java.util.List;

/**
 * What the insights page and {@code GET /api/insights/{account}} show for one brand account and period. Team
 * figures only: nothing here is broken down by agent.
 *
 * @param bucket        {@code hour} or {@code day}: the width of each point of the series
 * @param points        the time series, one point per bucket, oldest first (empty buckets included)
 * @param resolution    resolution time on the customer's clock of conversations resolved in the period
 * @param csat          customer satisfaction surveys asked in the period (team figures)
 * @param escalations   escalations to leads (not counted yet)
 * @param marketFeedback messages agents flagged as market feedback: team counts per category and the messages
 * @param demoData      true when the series were seeded as demo history (embedded default only)
 * @param headline      the compact headline row: this period's key figures and their change since the previous one
 */
public record InsightReport(String accountKey, String handle, String period, Instant from, Instant to, String bucket,
        Totals totals, List<SeriesPoint> points, List<TopTerm> hashtags, List<TopTerm> terms, Resolution resolution,
        List<SpikeAlertView> alerts, Csat csat, Escalations escalations, MarketFeedbackReport marketFeedback,
        boolean demoData, List<HeadlineFigure> headline) {

    /**
     * One figure of the headline row and how it moved since the previous period of the same length.
     *
     * @param key      stable name for pages and tests: {@code volume}, {@code negative}, {@code p50}, {@code p90},
     *                 {@code csat}
     * @param value    this period's figure, formatted; {@code —} when there is none
     * @param previous the previous period's figure, formatted; {@code —} when there is none
     * @param change   the change, formatted with its sign ({@code +12%}, {@code −3 pts}); empty when either is missing
     * @param trend    {@code up}, {@code down}, {@code flat} or {@code none} (no comparison possible)
     * @param better   whether the move is good news (less volume is not judged: always false for it)
     */
    public record HeadlineFigure(String key, String label, String value, String previous, String change, String trend,
            boolean better) {

        /** The figure with its change against the previous period; {@code percentChange} for counts, points for shares. */
        static HeadlineFigure of(String key, String label, Double now, Double before, String unit, boolean percentChange,
                boolean lowerIsBetter, boolean judged) {
            String value = format(now, unit);
            String previous = format(before, unit);
            if (now == null || before == null) {
                return new HeadlineFigure(key, label, value, previous, "", "none", false);
            }
            double delta = now - before;
            String trend = Math.abs(delta) < 1e-9 ? "flat" : delta > 0 ? "up" : "down";
            String change;
            if (percentChange) {
                change = before == 0 ? (now == 0 ? "±0%" : "new") : signed(100.0 * delta / before) + "%";
            } else if ("%".equals(unit)) {
                change = signed(delta) + " pts";
            } else {
                change = signed(delta) + unit;
            }
            boolean better = judged && !"flat".equals(trend) && (lowerIsBetter ? delta < 0 : delta > 0);
            return new HeadlineFigure(key, label, value, previous, change, trend, better);
        }

        private static String format(Double v, String unit) {
            if (v == null) {
                return "—";
            }
            return (v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v)) + unit;
        }

        private static String signed(double v) {
            double r = Math.round(v * 10) / 10.0;
            if (r == 0) {
                return "±0";
            }
            String n = r == Math.rint(r) ? String.valueOf(Math.round(Math.abs(r))) : String.format(java.util.Locale.ROOT, "%.1f", Math.abs(r));
            // U+2212 minus sign: reads as a minus, not a hyphen
            return (r > 0 ? "+" : "\u2212") + n;
        }
    }

    /**
     * One bucket of the series.
     *
     * @param messages customers' messages received (all, scored or not)
     * @param positive scored positive, and so on; the three add up to the scored messages
     */
    public record SeriesPoint(Instant start, long messages, long positive, long neutral, long negative) {

        public long scored() {
            return positive + neutral + negative;
        }

        /** The share of negative messages among the scored ones, 0..1 (0 when none was scored). */
        public double negativeShare() {
            return scored() == 0 ? 0 : negative / (double) scored();
        }
    }

    /** The period's sums and the sentiment shares (percent of the scored messages). */
    public record Totals(long messages, long scored, long positive, long neutral, long negative) {

        public long percent(long part) {
            return scored == 0 ? 0 : Math.round(100.0 * part / scored);
        }

        public long positivePercent() {
            return percent(positive);
        }

        public long neutralPercent() {
            return percent(neutral);
        }

        public long negativePercent() {
            return percent(negative);
        }
    }

    /** A hashtag or term, how often it was used in the period, and a few messages that used it. */
    public record TopTerm(String term, boolean hashtag, long mentions, List<ExampleMessage> examples) {
    }

    /** A customer's message shown as an example (its text is hostile input: pages escape it). */
    public record ExampleMessage(long id, Instant sentAt, String text) {
    }

    /**
     * Time from a conversation's first message to its resolution (the customer's clock), in minutes.
     *
     * @param resolved conversations resolved in the period; the figures are null when none was
     */
    public record Resolution(long resolved, Double medianMinutes, Double p90Minutes) {
    }

    /**
     * Customer satisfaction of the surveys asked in the period, for the whole team (never per agent).
     *
     * @param available           whether any survey was asked in the period
     * @param note                what an empty section means; null when there are figures
     * @param asked               questions sent
     * @param answered            questions answered (a score, words, or both)
     * @param scored              answers with a score from 1 to 5
     * @param averageScore        mean score of the scored answers; null without any
     * @param satisfiedPercent    share of scored answers that are 4 or 5, in percent; null without any
     * @param responseRatePercent share of questions answered, in percent; null when none was asked
     * @param skippedTotal        surveys decided in the period without asking
     * @param skipped             the same by reason, most frequent first
     */
    public record Csat(boolean available, String note, long asked, long answered, long scored, Double averageScore,
            Long satisfiedPercent, Long responseRatePercent, long skippedTotal, List<SkipCount> skipped) {
    }

    /**
     * Escalations to the leads in the period (repeat contacts, see care's escalation rule): how many, on how many
     * conversations, how many a lead took back, and the reasons most often given. Team figures only.
     */
    public record Escalations(boolean available, String note, long escalated, long conversations, long deescalated,
            List<EscalationReason> reasons) {
    }

    /** One escalation reason and how often it was recorded. */
    public record EscalationReason(String reason, long count) {
    }

    /** How many surveys were skipped for one reason. */
    public record SkipCount(String reason, String label, long count) {
    }

    /** A figure Signet does not collect yet, and why. */
    public record NoDataYet(boolean available, String note) {
        public static NoDataYet because(String note) {
            return new NoDataYet(false, note);
        }
    }
}
