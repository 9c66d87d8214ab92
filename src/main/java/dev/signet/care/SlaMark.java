package dev.signet.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The next service-level target of a queue row, as the row shows it: {@code first response due in 12 min} or
 * {@code first response breached 5 min ago}.
 *
 * @param soon whether it falls due within the "breaching soon" window (or already did)
 */
public record SlaMark(String target, Instant dueAt, boolean breached, boolean soon, String label) {

    static SlaMark of(Conversation c, Instant now, Duration window) {
        if (c.slaDueAt() == null || !c.status().open()) {
            return null;
        }
        boolean breached = !now.isBefore(c.slaDueAt());
        String label = breached
                ? c.slaTarget() + " breached " + PriorityRule.humanize(Duration.between(c.slaDueAt(), now)) + " ago"
                : c.slaTarget() + " due in " + PriorityRule.humanize(Duration.between(now, c.slaDueAt()));
        return new SlaMark(c.slaTarget(), c.slaDueAt(), breached, !c.slaDueAt().isAfter(now.plus(window)), label);
    }
}
