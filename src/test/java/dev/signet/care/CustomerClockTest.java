package dev.signet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CustomerClockTest {

    private static final Instant FIRST = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void runsFromTheFirstMessageUntilNow() {
        CustomerClock clock = CustomerClock.of(FIRST, null, Instant.parse("2026-11-23T10:30:00Z"));
        assertTrue(clock.running());
        assertEquals(9000, clock.seconds());
    }

    @Test
    void stopsAtResolution() {
        CustomerClock clock = CustomerClock.of(FIRST, Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-24T10:30:00Z"));
        assertFalse(clock.running());
        assertEquals(3600, clock.seconds());
    }
}
