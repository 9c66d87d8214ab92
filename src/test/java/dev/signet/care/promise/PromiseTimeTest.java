package dev.signet.care.promise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.signet.api.ProblemException;

/** Promise times in the brand account's zone: midnight, dates that differ from UTC's, DST, bounds, bad input. */
class PromiseTimeTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final Duration MAX = Duration.ofDays(14);
    private static final Duration LEAD = Duration.ofMinutes(30);

    @Test
    void aPromiseMadeAt2330LocalFor0030TheNextLocalDayIsAnHourAhead() {
        // 22:30 UTC on 3 Dec is 23:30 in Madrid (UTC+1 in winter).
        Instant now = Instant.parse("2026-12-03T22:30:00Z");
        Instant due = PromiseTime.parse("2026-12-04T00:30", MADRID, now, MAX);
        assertEquals(Instant.parse("2026-12-03T23:30:00Z"), due);
        assertEquals("2026-12-04 00:30", PromiseTime.local(due, MADRID));
    }

    @Test
    void aZoneWhoseDateIsAheadOfUtcReadsTheLocalDate() {
        // 10:30 UTC on 3 Dec is 23:30 on 3 Dec in Auckland (UTC+13, daylight time).
        Instant now = Instant.parse("2026-12-03T10:30:00Z");
        Instant due = PromiseTime.parse("2026-12-04T00:30", AUCKLAND, now, MAX);
        assertEquals(Instant.parse("2026-12-03T11:30:00Z"), due, "still the 3rd in UTC");
        // An hour later it is already the 4th in Auckland while UTC says the 3rd: "00:30 on the 4th" is past.
        Instant later = Instant.parse("2026-12-03T12:00:00Z");
        ProblemException past = assertThrows(ProblemException.class,
                () -> PromiseTime.parse("2026-12-04T00:30", AUCKLAND, later, MAX));
        assertEquals("promise-in-the-past", past.slug());
        assertTrue(past.detail().contains("2026-12-04 01:00 Pacific/Auckland"), past.detail());
    }

    @Test
    void theQueueRaisesAPromiseAcrossMidnightALeadTimeBeforeItIsDue() {
        Instant due = PromiseTime.parse("2026-12-04T00:30", MADRID, Instant.parse("2026-12-03T22:30:00Z"), MAX);
        assertEquals(PromiseView.State.PROMISED, PromiseView.state(due, Instant.parse("2026-12-03T22:59:59Z"), LEAD),
                "23:59:59 local: not yet");
        assertEquals(PromiseView.State.DUE, PromiseView.state(due, Instant.parse("2026-12-03T23:00:00Z"), LEAD),
                "00:00 local, the next day: raised");
        assertEquals(PromiseView.State.OVERDUE, PromiseView.state(due, Instant.parse("2026-12-03T23:30:00Z"), LEAD),
                "00:30 local: due, and overdue from then on");
    }

    @Test
    void anInstantWithAnOffsetIsTakenAsItIs() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(Instant.parse("2026-12-03T12:00:00Z"), PromiseTime.parse("2026-12-03T12:00:00Z", AUCKLAND, now, MAX));
        assertEquals(Instant.parse("2026-12-03T17:00:00Z"),
                PromiseTime.parse("2026-12-03T12:00:00-05:00", MADRID, now, MAX));
    }

    @Test
    void aLocalTimeSkippedByDaylightSavingIsRefusedAndARepeatedOneIsTheEarlier() {
        Instant now = Instant.parse("2027-03-27T12:00:00Z");
        // Madrid skips 02:00–03:00 on 28 March 2027.
        ProblemException skipped = assertThrows(ProblemException.class,
                () -> PromiseTime.parse("2027-03-28T02:30", MADRID, now, MAX));
        assertEquals("promise-time-skipped", skipped.slug());
        // 02:30 happens twice on 31 October 2027 (clocks go back): the first one, still summer time (UTC+2).
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"),
                PromiseTime.parse("2027-10-31T02:30", MADRID, Instant.parse("2027-10-30T12:00:00Z"), MAX));
    }

    @Test
    void thePromiseMustBeInTheFutureAndWithinTheMaximum() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals("promise-in-the-past", assertThrows(ProblemException.class,
                () -> PromiseTime.parse("2026-12-03T11:00", MADRID, now, MAX)).slug(), "11:00 Madrid is 10:00 UTC: now");
        assertEquals(Instant.parse("2026-12-17T09:00:00Z"), PromiseTime.parse("2026-12-17T10:00", MADRID, now, MAX));
        ProblemException far = assertThrows(ProblemException.class,
                () -> PromiseTime.parse("2026-12-17T11:01", MADRID, now, MAX));
        assertEquals("promise-too-far", far.slug());
        assertEquals(422, far.status());
    }

    @Test
    void missingOrUnreadableTimesAreRefusedClearly() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        ProblemException missing = assertThrows(ProblemException.class, () -> PromiseTime.parse(" ", MADRID, now, MAX));
        assertEquals("promise-required", missing.slug());
        assertEquals(400, missing.status());
        assertTrue(missing.detail().contains("Europe/Madrid"));
        for (String bad : new String[] { "tomorrow", "2026-13-01T10:00", "04/12/2026 10:00", "2026-12-04" }) {
            assertEquals("promise-time-invalid",
                    assertThrows(ProblemException.class, () -> PromiseTime.parse(bad, MADRID, now, MAX)).slug(), bad);
        }
    }
}
