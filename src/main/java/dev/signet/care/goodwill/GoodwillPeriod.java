package dev.signet.care.goodwill;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The calendar period a goodwill allowance is counted over, in a given time zone. */
public enum GoodwillPeriod {

    /** A calendar month: from midnight on the 1st to midnight on the 1st of the next month. */
    MONTH,
    /** An ISO week: from Monday midnight to the next Monday midnight. */
    WEEK;

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** The earliest and latest day a period may be named by; outside them no ledger can exist. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 1);

    /**
     * The day a {@code period=} parameter names, null when blank; refused (400 {@code goodwill-bad-period}) when it
     * is not an ISO date between {@link #FIRST_DAY} and {@link #LAST_DAY}. The API and the goodwill page both read
     * the parameter through this.
     */
    public static LocalDate requireDay(String period) {
        if (period == null || period.isBlank()) {
            return null;
        }
        return parseDay(period).orElseThrow(() -> GoodwillRejectedException.invalid("goodwill-bad-period",
                "Bad period", "Name the period by one of its days between " + FIRST_DAY + " and " + LAST_DAY
                        + ", e.g. period=2026-11-15."));
    }

    /**
     * The day a {@code period=} parameter names (an ISO date), null when blank; empty when it is not a date or
     * lies outside {@link #FIRST_DAY}…{@link #LAST_DAY} ({@code +999999999-12-31} is a date Java reads, but no
     * instant or next month exists for it).
     */
    public static Optional<LocalDate> parseDay(String period) {
        try {
            LocalDate day = LocalDate.parse(period.strip());
            return day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY) ? Optional.empty()
                    : Optional.of(day);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate firstDay(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    /** The period holding {@code at}, as seen in {@code zone}. */
    public Window window(Instant at, ZoneId zone) {
        return windowOf(at.atZone(zone).toLocalDate(), zone);
    }

    /** The period holding the calendar day {@code day} in {@code zone}. */
    public Window windowOf(LocalDate day, ZoneId zone) {
        LocalDate first = firstDay(day);
        LocalDate next = this == MONTH ? first.plusMonths(1) : first.plusWeeks(1);
        String label = this == MONTH ? MONTH_LABEL.format(first) : "week of " + DAY_LABEL.format(first);
        return new Window(first, next, first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant(), label);
    }

    /**
     * One period.
     *
     * @param firstDay the period's first calendar day
     * @param nextDay  the first day of the next period
     * @param start    its first instant
     * @param end      the first instant of the next period (exclusive)
     * @param label    how pages name it ("December 2026", "week of 30 Nov 2026")
     */
    public record Window(LocalDate firstDay, LocalDate nextDay, Instant start, Instant end, String label) {

        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        /** The first day of the period before this one. */
        public LocalDate previousDay() {
            return firstDay.minusDays(1);
        }
    }
}
