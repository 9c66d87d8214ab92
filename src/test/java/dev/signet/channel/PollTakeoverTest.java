package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When the replica polling an account dies, another takes the lease within one poll interval: two replicas look at
 * the lease on their own clocks, as {@link ChannelPoller}'s lease checks do, against the real lease statements.
 */
@QuarkusTest
class PollTakeoverTest {

    private static final String ACCOUNT = "test-air-v2";
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Inject
    ChannelAccountService accounts;
    @Inject
    EntityManager em;

    @AfterEach
    void release() {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.leaseOwner = null, a.leaseUntil = null where a.accountKey = :k")
                .setParameter("k", ACCOUNT).executeUpdate());
    }

    @Test
    void anotherReplicaTakesOverWithinOneIntervalOfTheHolderDying() {
        release();
        Duration lease = PollLease.length(INTERVAL);
        Duration every = PollLease.checkEvery(INTERVAL);
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        // Worst case for the survivor: its checks fall just before the holder's lease runs out.
        Duration offset = every.minusMillis(1);
        assertEquals(PollLease.Outcome.TAKEN, accounts.keepLease(ACCOUNT, "replica-a", start, lease));

        // It dies just after a renewal: the longest its lease can outlive it.
        Instant death = start.plus(every.multipliedBy(7)).plusMillis(1);
        Instant takenAt = null;
        for (Instant now = start.plus(offset); now.isBefore(death.plus(INTERVAL.multipliedBy(3))); now = now.plus(every)) {
            // The holder keeps its lease while it lives (its check just before the survivor's)…
            Instant holderCheck = now.minus(offset);
            if (holderCheck.isBefore(death)) {
                assertEquals(PollLease.Outcome.RENEWED, accounts.keepLease(ACCOUNT, "replica-a", holderCheck, lease));
            }
            PollLease.Outcome outcome = accounts.keepLease(ACCOUNT, "replica-b", now, lease);
            if (now.isBefore(death)) {
                assertEquals(PollLease.Outcome.HELD_ELSEWHERE, outcome, "no takeover while the holder lives, at " + now);
            } else if (outcome == PollLease.Outcome.TAKEN) {
                takenAt = now;
                break;
            }
        }
        assertNotNull(takenAt, "the survivor took the lease");
        Duration takeover = Duration.between(death, takenAt);
        assertTrue(takeover.compareTo(INTERVAL) <= 0, "taken over after " + takeover + ", more than the interval " + INTERVAL);
        // And the old holder, back from a pause, doesn't take it back while the survivor renews it.
        assertEquals(PollLease.Outcome.RENEWED, accounts.keepLease(ACCOUNT, "replica-b", takenAt.plus(every), lease));
        assertEquals(PollLease.Outcome.HELD_ELSEWHERE, accounts.keepLease(ACCOUNT, "replica-a", takenAt.plus(every), lease));
    }

    @Test
    void theLeaseLastsHalfAnIntervalAndIsLookedAtFourTimesATick() {
        assertEquals(Duration.ofSeconds(5), PollLease.length(INTERVAL));
        assertEquals(Duration.ofMillis(2_500), PollLease.checkEvery(INTERVAL));
        // Worst case: the holder renews, dies at once; the lease runs out after half an interval and the survivor's
        // next look comes at most a quarter later.
        assertTrue(PollLease.length(INTERVAL).plus(PollLease.checkEvery(INTERVAL)).compareTo(INTERVAL) < 0);
    }
}
