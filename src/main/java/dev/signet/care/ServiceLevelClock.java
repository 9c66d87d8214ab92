package dev.signet.care;

import java.time.Duration;
import java.time.Instant;

import dev.signet.customer.LoyaltyTier;

/**
 * The hook through which service levels (package {@code sla}) tell care when a conversation's next target falls
 * due, so that {@link PriorityRule} can raise it as a breach nears with the same stored order key as the waiting
 * time. Care stores the answer on the conversation ({@code sla_due_at}, {@code sla_target}) whenever it recomputes
 * the priority; without service levels ({@link #NONE}) nothing is due.
 */
public interface ServiceLevelClock {

    /** No service levels: nothing is ever due. */
    ServiceLevelClock NONE = new ServiceLevelClock() {
        @Override
        public Due next(Facts facts) {
            return null;
        }

        @Override
        public int points() {
            return 0;
        }
    };

    /**
     * What a due time is computed from.
     *
     * @param firstResponseAt our first response (a reply, a hand-off line or a kept update), or null
     * @param waitingSince    the customer's oldest unanswered message, or null
     * @param promisePending  whether an update is promised (it stands in for the next response while pending)
     */
    record Facts(String accountKey, LoyaltyTier tier, ConversationKind kind, Instant firstMessageAt,
            Instant firstResponseAt, Instant waitingSince, boolean promisePending) {
    }

    /**
     * The next target and when it falls due.
     *
     * @param target e.g. {@code first response}
     */
    record Due(String target, Instant at) {
    }

    /** The earliest target running on an open conversation, or null when none applies. */
    Due next(Facts facts);

    /** Priority points a conversation gets at the moment its target falls due (growing like waiting time). */
    int points();

    /** How close to its due time a conversation counts as "breaching soon" (the queue's filter). */
    default Duration breachingSoon() {
        return Duration.ofMinutes(30);
    }
}
