package dev.signet.sla.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The team's service levels over a period.
 *
 * @param accountKey null for every account
 * @param totals     one line per target, every account / tier / channel together
 * @param lines      one line per account, tier, channel and target
 * @param breaches      a page of breaches with their conversations, latest due first (at most
 *                      {@link SlaReportService#BREACHES_SHOWN})
 * @param olderBreaches the cursor of the next page ({@code before=}), or null on the last page
 */
public record SlaReport(String accountKey, String period, Instant from, Instant to, List<Line> totals, List<Line> lines,
        List<Breach> breaches, String olderBreaches) {

    /**
     * Targets that started in the period and are decided: met, or breached (missed, or still running past due).
     *
     * @param tier          null on the totals
     * @param medianSeconds median business time of the targets that ended (nearest rank, read from the roll-up's
     *                      duration buckets: within 1/16 of it), or null
     * @param p90Seconds    90th percentile of the same, or null
     */
    public record Line(String accountKey, String tier, String channel, String target, long met, long breached,
            Double medianSeconds, Double p90Seconds) {

        @JsonProperty
        public long decided() {
            return met + breached;
        }

        /** Share met, 0–100, or null with nothing decided. */
        @JsonProperty
        public Double percentMet() {
            return decided() == 0 ? null : 100.0 * met / decided();
        }
    }

    /**
     * A breached target.
     *
     * @param id      the target's id in the record (with {@code dueAt}, the page cursor)
     * @param endedAt null while still running
     */
    public record Breach(long id, long conversationId, String accountKey, String tier, String channel, String target,
            Instant dueAt, Instant endedAt) {
    }
}
