package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anAccountNeverPolledIsDue() {
        assertTrue(PollSchedule.isDue(null, Duration.ofMinutes(2), TICK, T0));
    }

    @Test
    void anAccountOnTheTickIsDueAtEveryTickEvenWhenTheTickFiresEarly() {
        assertTrue(PollSchedule.isDue(T0, TICK, TICK, T0.plusMillis(9_990)));
    }

    @Test
    void anAccountPolledEveryTwoTicksSkipsOneTick() {
        assertFalse(PollSchedule.isDue(T0, Duration.ofSeconds(20), TICK, T0.plusSeconds(10)));
        assertTrue(PollSchedule.isDue(T0, Duration.ofSeconds(20), TICK, T0.plusMillis(19_980)));
    }

    @Test
    void anIntervalBetweenTicksIsRoundedToTheNearestTick() {
        // every 26 s on a 10 s tick: at 30 s, not 20 s; every 24 s: at 20 s
        assertFalse(PollSchedule.isDue(T0, Duration.ofSeconds(26), TICK, T0.plusSeconds(20)));
        assertTrue(PollSchedule.isDue(T0, Duration.ofSeconds(26), TICK, T0.plusSeconds(30)));
        assertTrue(PollSchedule.isDue(T0, Duration.ofSeconds(24), TICK, T0.plusSeconds(20)));
    }

    @Test
    void anAccountIsOverdueOnceTwoIntervalsPassWithoutAPoll() {
        assertFalse(PollSchedule.isOverdue(T0, T0.minusSeconds(3600), TICK, T0.plusSeconds(20)));
        assertTrue(PollSchedule.isOverdue(T0, T0.minusSeconds(3600), TICK, T0.plusMillis(20_001)));
        // Never polled: counted from registration, not from the epoch.
        assertFalse(PollSchedule.isOverdue(null, T0, TICK, T0.plusSeconds(5)));
        assertTrue(PollSchedule.isOverdue(null, T0, TICK, T0.plusSeconds(21)));
    }
}
