package dev.signet.care.promise;

import java.time.Instant;
import java.util.List;

/**
 * How the team keeps its promised updates, per brand account (each account's care team) and in total — never per
 * agent: a late update is the team's to fix, not one rep's to be blamed for.
 *
 * @param from  start of the period: kept, broken and withdrawn count the promises due since then
 * @param teams one line per brand account
 * @param total the sum of the lines
 */
public record PromiseStats(Instant from, Instant to, int days, List<Team> teams, Team total) {

    /**
     * @param pending    owed and not yet due
     * @param overdueNow owed and past due right now
     * @param kept       an update reached the customer by the promised time
     * @param broken     the promised time passed first (update late, or closed without one)
     * @param withdrawn  closed before it was due without an update
     * @param keptShare  kept ÷ (kept + broken + overdue now), or null when there is nothing to judge yet
     */
    public record Team(String account, String handle, long pending, long overdueNow, long kept, long broken,
            long withdrawn, Double keptShare) {

        /** The kept share as a whole percentage, e.g. "92%", or null. */
        public String keptPercent() {
            return keptShare == null ? null : Math.round(keptShare * 100) + "%";
        }

        static Team of(String account, String handle, long pending, long overdueNow, long kept, long broken,
                long withdrawn) {
            long judged = kept + broken + overdueNow;
            return new Team(account, handle, pending, overdueNow, kept, broken, withdrawn,
                    judged == 0 ? null : Math.round(1000.0 * kept / judged) / 1000.0);
        }
    }
}
