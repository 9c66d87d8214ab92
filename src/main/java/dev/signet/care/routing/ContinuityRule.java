package dev.signet.care.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Continuity routing (issue #7): a returning customer's new or reopened conversation is offered first to the agent
 * who handled them before — who last had their most recent conversation in hand — for {@code window}, if that
 * agent is on shift now. Otherwise (away, or no longer answering customers) there is no offer and the queue notes
 * who handled the customer before. The offer never blocks anyone: the customer's clock runs meanwhile, so any
 * agent may still take the conversation (see docs/features/queue.md).
 */
record ContinuityRule(Duration window) {

    /** Presence of the agent who handled the customer before, as the rule needs it. */
    public record Previous(long agentId, boolean canAnswer, boolean onShift) {
    }

    /** Until when the conversation is offered to the previous agent, or empty: no offer (only the note). */
    public Optional<Instant> offerUntil(Optional<Previous> previous, Instant now) {
        if (previous.isEmpty() || !previous.get().canAnswer() || !previous.get().onShift() || window.isZero()
                || window.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(window));
    }

    /** Whether an offer made until {@code offeredUntil} still stands at {@code now}. */
    public static boolean stands(Instant offeredUntil, Instant now) {
        return offeredUntil != null && offeredUntil.isAfter(now);
    }

    /**
     * Whether an agent counts as on shift: marked on shift and seen (a page opened, an action) less than
     * {@code awayAfter} ago; after that they count as away until seen again.
     */
    public static boolean onShift(boolean markedOnShift, Instant lastSeenAt, Duration awayAfter, Instant now) {
        return markedOnShift && lastSeenAt != null && lastSeenAt.plus(awayAfter).isAfter(now);
    }
}
