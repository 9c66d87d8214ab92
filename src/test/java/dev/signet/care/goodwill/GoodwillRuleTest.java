package dev.signet.care.goodwill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The goodwill allowance's rules: boundary, validation, periods and their rollover, formatting. */
class GoodwillRuleTest {

    private final GoodwillRule monthly = new GoodwillRule(new BigDecimal("50.00"), "EUR", new BigDecimal("1000"),
            GoodwillPeriod.MONTH, ZoneOffset.UTC);

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void exactlyReachingTheAllowanceIsGrantedACentOverWaitsForALead() {
        assertEquals(GoodwillStatus.GRANTED, monthly.decide(eur("30.00"), eur("20.00")));
        assertEquals(GoodwillStatus.PENDING_APPROVAL, monthly.decide(eur("30.00"), eur("20.01")));
        assertEquals(GoodwillStatus.GRANTED, monthly.decide(BigDecimal.ZERO, eur("50")));
        assertEquals(GoodwillStatus.PENDING_APPROVAL, monthly.decide(BigDecimal.ZERO, eur("50.01")));
        assertEquals(GoodwillStatus.PENDING_APPROVAL, monthly.decide(eur("50.00"), eur("0.01")));
    }

    @Test
    void aZeroAllowanceSendsEveryGestureToALead() {
        GoodwillRule none = new GoodwillRule(BigDecimal.ZERO, "EUR", eur("100"), GoodwillPeriod.MONTH, ZoneOffset.UTC);
        assertEquals(GoodwillStatus.PENDING_APPROVAL, none.decide(BigDecimal.ZERO, eur("0.01")));
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertEquals(eur("20.00"), monthly.remaining(eur("30.00")));
        assertEquals(eur("0.00"), monthly.remaining(eur("50.00")));
        // Less allowance configured than was already granted (the key was lowered mid-month).
        assertEquals(eur("0.00"), monthly.remaining(eur("70.00")));
    }

    @Test
    void amountsAreValidatedAndStoredWithTheCurrencysDecimals() {
        assertEquals(eur("20.00"), monthly.amount(eur("20")));
        assertEquals(eur("20.50"), monthly.amount(eur("20.5")));
        assertEquals(eur("20.50"), monthly.amount(eur("20.500")));
        assertEquals(eur("1000.00"), monthly.amount(eur("1000")));
        assertEquals("goodwill-amount-required", slug(() -> monthly.amount((BigDecimal) null)));
        assertEquals("goodwill-amount-not-positive", slug(() -> monthly.amount(eur("0"))));
        assertEquals("goodwill-amount-not-positive", slug(() -> monthly.amount(eur("-5"))));
        assertEquals("goodwill-amount-decimals", slug(() -> monthly.amount(eur("20.001"))));
        assertEquals("goodwill-amount-too-large", slug(() -> monthly.amount(eur("1000.01"))));
    }

    @Test
    void aCurrencyWithoutDecimalsRefusesCents() {
        GoodwillRule yen = new GoodwillRule(eur("5000"), "JPY", eur("100000"), GoodwillPeriod.MONTH, ZoneOffset.UTC);
        assertEquals(eur("500"), yen.amount(eur("500")));
        assertEquals("goodwill-amount-decimals", slug(() -> yen.amount(eur("500.5"))));
        assertEquals("¥500", yen.format(eur("500")));
    }

    @Test
    void typedAmountsAcceptAPointOrACommaAndNothingElse() {
        assertEquals(eur("20.50"), monthly.amount("20,50"));
        assertEquals(eur("20.50"), monthly.amount(" 20.5 "));
        assertEquals(eur("7.00"), monthly.amount("7"));
        assertEquals("goodwill-amount-required", slug(() -> monthly.amount("  ")));
        for (String bad : new String[] { "1,000.00", "€20", "-5", "20e3", "abc", "20.", ".5", "1 000" }) {
            assertEquals("goodwill-amount-unreadable", slug(() -> monthly.amount(bad)), bad);
        }
    }

    @Test
    void theReasonIsTrimmedRequiredAndLimited() {
        assertEquals("late bag", monthly.reason("  late bag \n"));
        assertEquals("goodwill-reason-required", slug(() -> monthly.reason(null)));
        assertEquals("goodwill-reason-required", slug(() -> monthly.reason(" \t ")));
        assertEquals(500, monthly.reason("x".repeat(500)).length());
        assertEquals("goodwill-reason-too-long", slug(() -> monthly.reason("x".repeat(501))));
    }

    @Test
    void aBadConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new GoodwillRule(eur("50"), "EURO", eur("100"), GoodwillPeriod.MONTH, ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class,
                () -> new GoodwillRule(eur("-1"), "EUR", eur("100"), GoodwillPeriod.MONTH, ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class,
                () -> new GoodwillRule(eur("50"), "EUR", eur("0"), GoodwillPeriod.MONTH, ZoneOffset.UTC));
    }

    @Test
    void theMonthRollsOverAtMidnightOnTheFirstInTheConfiguredZone() {
        GoodwillPeriod.Window november = monthly.window(Instant.parse("2026-11-30T23:59:59.999Z"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), november.start());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), november.end());
        assertEquals("November 2026", november.label());
        GoodwillPeriod.Window december = monthly.window(Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), december.start());
        assertFalse(november.contains(december.start()));
        assertTrue(december.contains(december.start()));

        // In Madrid (UTC+1 in winter) December starts at 23:00 UTC on 30 November.
        GoodwillRule madrid = new GoodwillRule(eur("50"), "EUR", eur("100"), GoodwillPeriod.MONTH, ZoneId.of("Europe/Madrid"));
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), madrid.window(Instant.parse("2026-11-30T23:30:00Z")).start());
        assertEquals("December 2026", madrid.window(Instant.parse("2026-11-30T23:30:00Z")).label());
    }

    @Test
    void aWeekRunsFromMondayToMondayAcrossAYearEnd() {
        GoodwillRule weekly = new GoodwillRule(eur("20"), "EUR", eur("100"), GoodwillPeriod.WEEK, ZoneOffset.UTC);
        // Thursday 31 December 2026 belongs to the week that started on Monday 28 December.
        GoodwillPeriod.Window week = weekly.window(Instant.parse("2026-12-31T12:00:00Z"));
        assertEquals(LocalDate.parse("2026-12-28"), week.firstDay());
        assertEquals(Instant.parse("2027-01-04T00:00:00Z"), week.end());
        assertEquals("week of 28 Dec 2026", week.label());
        assertEquals(LocalDate.parse("2026-12-21"), weekly.windowOf(week.previousDay()).firstDay());
        // Sunday 23:59 is still the old week; Monday 00:00 the new one.
        assertTrue(week.contains(Instant.parse("2027-01-03T23:59:59Z")));
        assertFalse(week.contains(Instant.parse("2027-01-04T00:00:00Z")));
    }

    @Test
    void amountsAreWrittenWithTheCurrencysSign() {
        assertEquals("€20.00", monthly.format(eur("20")));
        assertEquals("$5.50", GoodwillRule.format(eur("5.5"), "USD"));
        assertEquals("CHF 12.50", GoodwillRule.format(eur("12.5"), "CHF"));
    }

    private static String slug(Runnable action) {
        return assertThrows(GoodwillRejectedException.class, action::run).slug();
    }
}
