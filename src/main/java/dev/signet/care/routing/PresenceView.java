package dev.signet.care.routing;

import java.time.Instant;

/**
 * An agent's presence as pages and the API show it.
 *
 * @param status        {@code ON_SHIFT} or {@code AWAY}, as counted now
 * @param onShift       whether they count as on shift now (marked on shift and seen recently)
 * @param markedOnShift what they marked, whatever the time since they were last seen
 * @param changedAt     when they last marked it, or null if never
 * @param lastSeenAt    when they were last seen working, or null if never
 */
public record PresenceView(String status, boolean onShift, boolean markedOnShift, Instant changedAt,
        Instant lastSeenAt) {

    static final PresenceView NEVER = of(false, false, null, null);

    static PresenceView of(boolean onShift, boolean markedOnShift, Instant changedAt, Instant lastSeenAt) {
        return new PresenceView(onShift ? "ON_SHIFT" : "AWAY", onShift, markedOnShift, changedAt, lastSeenAt);
    }
}
