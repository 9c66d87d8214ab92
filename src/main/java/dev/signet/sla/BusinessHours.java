package dev.signet.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hours a team works for a brand account, in the account's time zone: a weekly schedule (e.g.
 * {@code MON-FRI 09:00-17:00, SAT 10:00-14:00}, where a range ending at or before its start runs past midnight
 * into the next day, e.g. {@code 22:00-02:00}) minus holidays, or around the clock. Service-level time runs only
 * inside these hours: {@link #plus} finds when a target falls due, {@link #between} how much business time passed.
 * <p>
 * Local times are turned into instants with the zone's rules, so a day of a DST change is 23 or 25 hours long and
 * an opening time that falls in the spring gap starts at the first valid instant after it.
 */
public final class BusinessHours {

    /** How far {@link #plus} looks for open hours before it gives up (a schedule that is never open). */
    private static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<Range>> week;
    private final Set<LocalDate> holidays;

    /** One opening on a day: from {@code open} for {@code length} (which may run past midnight). */
    record Range(LocalTime open, LocalTime close) {

        boolean overnight() {
            return !close.isAfter(open);
        }
    }

    private BusinessHours(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<Range>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.week = week;
        this.holidays = holidays;
    }

    /** Around the clock, every day (holidays don't apply). */
    public static BusinessHours alwaysOpen(ZoneId zone) {
        return new BusinessHours(zone, true, Map.of(), Set.of());
    }

    /**
     * Parses a weekly schedule and holidays.
     *
     * @param schedule comma-separated entries {@code DAYS HH:MM-HH:MM}, days as {@code MON}, {@code MON-FRI} or
     *                 {@code SAT+SUN}; {@code 24:00} closes at midnight
     * @param holidays comma-separated ISO dates ({@code 2026-12-25}), may be blank
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BusinessHours parse(String schedule, String holidays, ZoneId zone) {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("Business hours are empty: give e.g. \"MON-FRI 09:00-17:00\" or choose 24/7");
        }
        Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
        for (String entry : schedule.split("[,;\\n]")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("\"" + e + "\" is not DAYS HH:MM-HH:MM (e.g. MON-FRI 09:00-17:00)");
            }
            Range range = range(parts[1], e);
            for (DayOfWeek day : days(parts[0], e)) {
                List<Range> ranges = week.computeIfAbsent(day, d -> new ArrayList<>());
                ranges.add(range);
                ranges.sort((a, b) -> a.open().compareTo(b.open()));
            }
        }
        if (week.isEmpty()) {
            throw new IllegalArgumentException("Business hours are empty: give e.g. \"MON-FRI 09:00-17:00\" or choose 24/7");
        }
        week.forEach((day, ranges) -> {
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i - 1).overnight() || ranges.get(i).open().isBefore(ranges.get(i - 1).close())) {
                    throw new IllegalArgumentException("Business hours overlap on " + name(day));
                }
            }
        });
        return new BusinessHours(zone, false, Map.copyOf(week), parseHolidays(holidays));
    }

    /** Comma-separated ISO dates, blank for none. */
    public static Set<LocalDate> parseHolidays(String holidays) {
        Set<LocalDate> dates = new TreeSet<>();
        if (holidays == null) {
            return dates;
        }
        for (String h : holidays.split("[,;\\s]+")) {
            if (!h.isBlank()) {
                try {
                    dates.add(LocalDate.parse(h.trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Holiday \"" + h.trim() + "\" is not a date like 2026-12-25", e);
                }
            }
        }
        return Set.copyOf(dates);
    }

    private static Range range(String text, String entry) {
        String[] times = text.split("-");
        if (times.length != 2) {
            throw new IllegalArgumentException("\"" + entry + "\": hours must be HH:MM-HH:MM");
        }
        LocalTime open = time(times[0], entry);
        LocalTime close = "24:00".equals(times[1]) ? LocalTime.MIDNIGHT : time(times[1], entry);
        if (open.equals(close) && !"24:00".equals(times[1]) && !LocalTime.MIDNIGHT.equals(open)) {
            throw new IllegalArgumentException("\"" + entry + "\": opening and closing time are the same");
        }
        return new Range(open, close);
    }

    private static LocalTime time(String text, String entry) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + entry + "\": \"" + text + "\" is not a time like 09:00", e);
        }
    }

    private static List<DayOfWeek> days(String text, String entry) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : text.split("\\+")) {
            String[] span = part.split("-");
            DayOfWeek from = day(span[0], entry);
            DayOfWeek to = span.length == 2 ? day(span[1], entry) : from;
            if (span.length > 2) {
                throw new IllegalArgumentException("\"" + entry + "\": days must be like MON, MON-FRI or SAT+SUN");
            }
            for (DayOfWeek d = from;; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text, String entry) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("\"" + entry + "\": \"" + text + "\" is not a day (MON, TUE, … SUN)");
    }

    private static String name(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The moment when {@code amount} of business time has passed from {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (alwaysOpen) {
            return start.plus(amount);
        }
        long left = amount.toMillis();
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1); // yesterday's overnight range may still run
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] open : openings(day)) {
                Instant from = open[0].isBefore(start) ? start : open[0];
                if (!from.isBefore(open[1])) {
                    continue;
                }
                long available = open[1].toEpochMilli() - from.toEpochMilli();
                if (left <= available) {
                    return from.plusMillis(left);
                }
                left -= available;
            }
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS + " days of " + start);
    }

    /** Business time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        long total = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openings(day)) {
                Instant a = open[0].isBefore(from) ? from : open[0];
                Instant b = open[1].isAfter(to) ? to : open[1];
                if (b.isAfter(a)) {
                    total += b.toEpochMilli() - a.toEpochMilli();
                }
            }
        }
        return Duration.ofMillis(total);
    }

    /** The openings that start on {@code day} (local), as instants; none on a holiday. */
    private List<Instant[]> openings(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Range> ranges = week.getOrDefault(day.getDayOfWeek(), List.of());
        List<Instant[]> result = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            Instant open = ZonedDateTime.of(day, r.open(), zone).toInstant();
            LocalDate closeDay = r.overnight() ? day.plusDays(1) : day;
            Instant close = ZonedDateTime.of(closeDay, r.close(), zone).toInstant();
            result.add(new Instant[] { open, close });
        }
        return result;
    }
}
