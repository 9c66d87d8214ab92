package dev.signet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final BusinessHours OFFICE = BusinessHours.parse("MON-FRI 09:00-17:00", "", BERLIN);

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void withinOneDay() {
        assertEquals(berlin("2026-12-07T10:30"), OFFICE.plus(berlin("2026-12-07T10:00"), Duration.ofMinutes(30)));
        assertEquals(Duration.ofMinutes(30), OFFICE.between(berlin("2026-12-07T10:00"), berlin("2026-12-07T10:30")));
    }

    @Test
    void aMessageBeforeOpeningCountsFromOpening() {
        assertEquals(berlin("2026-12-07T09:45"), OFFICE.plus(berlin("2026-12-07T06:10"), Duration.ofMinutes(45)));
        assertEquals(Duration.ZERO, OFFICE.between(berlin("2026-12-07T17:30"), berlin("2026-12-08T08:59")));
    }

    @Test
    void fridayEveningRunsOverTheWeekendToMonday() {
        assertEquals(berlin("2026-12-14T09:30"), OFFICE.plus(berlin("2026-12-11T16:30"), Duration.ofMinutes(60)));
        assertEquals(Duration.ofMinutes(60), OFFICE.between(berlin("2026-12-11T16:30"), berlin("2026-12-14T09:30")));
        // A message on Saturday waits for Monday's opening.
        assertEquals(berlin("2026-12-14T09:05"), OFFICE.plus(berlin("2026-12-12T11:00"), Duration.ofMinutes(5)));
    }

    @Test
    void acrossMidnightInANightShift() {
        BusinessHours nights = BusinessHours.parse("MON-SUN 22:00-02:00", "", BERLIN);
        assertEquals(berlin("2026-12-08T00:30"), nights.plus(berlin("2026-12-07T23:30"), Duration.ofMinutes(60)));
        // 30 minutes left of Tuesday's early hours, the rest from Tuesday night's opening.
        assertEquals(berlin("2026-12-08T22:30"), nights.plus(berlin("2026-12-08T01:30"), Duration.ofMinutes(60)));
        assertEquals(Duration.ofHours(4), nights.between(berlin("2026-12-07T12:00"), berlin("2026-12-08T12:00")));
    }

    @Test
    void acrossMidnightOnAFullDaySchedule() {
        BusinessHours days = BusinessHours.parse("MON-SUN 00:00-24:00", "", BERLIN);
        assertEquals(berlin("2026-12-08T01:00"), days.plus(berlin("2026-12-07T23:00"), Duration.ofHours(2)));
    }

    @Test
    void springForwardInBerlinMakesSundayTwentyThreeHours() {
        BusinessHours days = BusinessHours.parse("MON-SUN 00:00-24:00", "", BERLIN);
        assertEquals(Duration.ofHours(23), days.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
        // 24 hours of business time from Saturday noon (CET) end at 13:00 on Sunday (CEST).
        assertEquals(berlin("2026-03-29T13:00"), days.plus(berlin("2026-03-28T12:00"), Duration.ofHours(24)));
    }

    @Test
    void anOpeningInTheSpringGapStartsAtTheFirstValidInstant() {
        BusinessHours early = BusinessHours.parse("SUN 02:30-05:00", "", BERLIN);
        // 02:30 does not exist on 2026-03-29: the opening starts at 03:30 CEST, 90 minutes before closing.
        assertEquals(Duration.ofMinutes(90), early.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")));
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"), early.plus(berlin("2026-03-28T20:00"), Duration.ofMinutes(30)));
    }

    @Test
    void fallBackInBerlinMakesSundayTwentyFiveHours() {
        BusinessHours days = BusinessHours.parse("MON-SUN 00:00-24:00", "", BERLIN);
        assertEquals(Duration.ofHours(25), days.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
        // Office hours on either side of the change: Friday 16:00 CEST + 2 h = Monday 10:00 CET.
        assertEquals(berlin("2026-10-26T10:00"), OFFICE.plus(berlin("2026-10-23T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), OFFICE.between(berlin("2026-10-23T16:00"), berlin("2026-10-26T10:00")));
    }

    @Test
    void holidaysAreSkipped() {
        BusinessHours christmas = BusinessHours.parse("MON-FRI 09:00-17:00", "2026-12-25", BERLIN);
        // Thursday 24th 16:00 + 2 h: one hour on Thursday, Friday is a holiday, the weekend, one hour on Monday.
        assertEquals(berlin("2026-12-28T10:00"), christmas.plus(berlin("2026-12-24T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), christmas.between(berlin("2026-12-24T16:00"), berlin("2026-12-28T10:00")));
    }

    @Test
    void alwaysOpenIsPlainTime() {
        BusinessHours always = BusinessHours.alwaysOpen(BERLIN);
        assertEquals(berlin("2026-12-13T03:00"), always.plus(berlin("2026-12-12T23:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(25), always.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
    }

    @Test
    void badSchedulesAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("MON-FRI 9-17", "", BERLIN))
                .getMessage().contains("not a time"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("XYZ 09:00-17:00", "", BERLIN))
                .getMessage().contains("not a day"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BusinessHours.parse("MON 09:00-12:00, MON 11:00-13:00", "", BERLIN)).getMessage().contains("overlap"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse(" ", "", BERLIN))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BusinessHours.parse("MON-FRI 09:00-17:00", "2026-13-01", BERLIN)).getMessage().contains("not a date"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("MON 09:00-09:00", "", BERLIN))
                .getMessage().contains("same"));
    }
}
