package dev.signet.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which entries to list: each field that is not null narrows the list. {@code from} is inclusive, {@code to}
 * exclusive.
 */
public record AuditFilter(String actor, AuditAction action, String targetType, String targetId, Instant from,
        Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    /**
     * The filter of a query string, blank fields ignored. A period's ends are dates ({@code 2026-12-08}, UTC, the
     * {@code to} day included) or instants ({@code 2026-12-08T10:00:00Z}); anything else is a 400 problem.
     */
    public static AuditFilter parse(String actor, String action, String targetType, String targetId, String from,
            String to) {
        Instant start = instant(from, "from", false);
        Instant end = instant(to, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new AuditQueryException("The period's start (from) must come before its end (to).");
        }
        return new AuditFilter(blankToNull(actor), action(action), blankToNull(targetType), blankToNull(targetId), start,
                end);
    }

    private static AuditAction action(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AuditQueryException("Unknown action \"" + v + "\"; one of "
                    + Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static Instant instant(String value, String name, boolean end) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new AuditQueryException(name + " is a date (2026-12-08) or an instant (2026-12-08T10:00:00Z), not \""
                    + v + "\".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
