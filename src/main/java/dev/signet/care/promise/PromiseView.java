package dev.signet.care.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The pending promised update of a conversation, as the queue and the conversation show it.
 *
 * @param dueAt      when the update is due (an instant)
 * @param dueLocal   the same in the brand account's time zone, {@code 2026-12-04 00:30}
 * @param timeZone   that zone, e.g. {@code Europe/Madrid}
 * @param state      {@code PROMISED} (not yet raised), {@code DUE} (within the lead time: the queue raised it) or
 *                   {@code OVERDUE}
 * @param updateText the update scheduled to be published at {@code dueAt}, or null (conversation view only)
 * @param madeBy     initials of the agent who promised it and signs the scheduled update (conversation view only)
 */
public record PromiseView(Instant dueAt, String dueLocal, String timeZone, State state, String updateText,
        String madeBy, Instant madeAt) {

    public enum State {
        PROMISED, DUE, OVERDUE;

        public String label() {
            return switch (this) {
                case PROMISED -> "update promised";
                case DUE -> "update due";
                case OVERDUE -> "update overdue";
            };
        }
    }

    /** Where a promise due at {@code dueAt} stands at {@code now}, raised {@code leadTime} before it is due. */
    public static State state(Instant dueAt, Instant now, Duration leadTime) {
        if (now.isBefore(dueAt.minus(leadTime))) {
            return State.PROMISED;
        }
        return now.isBefore(dueAt) ? State.DUE : State.OVERDUE;
    }

    /** A queue row's mark, from the conversation's own columns (no extra read). */
    public static PromiseView mark(Instant dueAt, ZoneId zone, Instant now, Duration leadTime) {
        return new PromiseView(dueAt, PromiseTime.local(dueAt, zone), zone.getId(), state(dueAt, now, leadTime), null,
                null, null);
    }

    public static PromiseView of(UpdatePromise promise, Instant now, Duration leadTime) {
        return new PromiseView(promise.dueAt(), promise.dueLocal(), promise.timeZone(),
                state(promise.dueAt(), now, leadTime), promise.updateText(), promise.madeBy().initials(),
                promise.madeAt());
    }

    /** "update promised", "update due" or "update overdue". */
    public String label() {
        return state.label();
    }

    /** Whether the queue shows it as needing attention now. */
    public boolean urgent() {
        return state != State.PROMISED;
    }
}
