package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * When an account with its own poll interval is due. The scheduler ticks at {@code signet.channel.poll-interval};
 * an account polled every two ticks is due at every second tick. Half a tick of slack absorbs the scheduler's
 * jitter (a tick may fire a few milliseconds early).
 */
final class PollSchedule {

    private PollSchedule() {
    }

    static boolean isDue(Instant lastPoll, Duration interval, Duration tick, Instant now) {
        if (lastPoll == null) {
            return true;
        }
        return !now.plus(tick.dividedBy(2)).isBefore(lastPoll.plus(interval));
    }

    /**
     * Whether an account polled every {@code interval} has gone unpolled for longer than expected: one interval, plus
     * one more for another replica to take over when the holder dies. {@code lastPoll} null: counted from
     * {@code since} (when the account was registered).
     */
    static boolean isOverdue(Instant lastPoll, Instant since, Duration interval, Instant now) {
        Instant from = lastPoll != null ? lastPoll : since;
        return from.plus(interval.multipliedBy(2)).isBefore(now);
    }
}
