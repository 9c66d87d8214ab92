package dev.signet.care.promise;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The time of a promised update as agents type it and customers read it: a local date-time in the brand account's
 * time zone ({@code 2026-12-04T00:30}), or an instant with an offset ({@code 2026-12-03T23:30:00Z}) from API
 * clients that already know it. It must lie in the future and no further than the configured maximum. A local time
 * that does not exist in the zone (the hour skipped when clocks go forward) is refused rather than moved; one that
 * exists twice (clocks go back) means the earlier of the two.
 */
public final class PromiseTime {

    /** How the local time of a promise is stored and shown: {@code 2026-12-04 00:30}. */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** The value of an HTML {@code datetime-local} field: {@code 2026-12-04T00:30}. */
    public static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private PromiseTime() {
    }

    /** Reads and checks {@code input}; {@code now} and {@code maxAhead} bound it. */
    public static Instant parse(String input, ZoneId zone, Instant now, Duration maxAhead) {
        if (input == null || input.isBlank()) {
            throw PromiseRejectedException.required(zone);
        }
        String text = input.strip();
        Instant at;
        try {
            at = hasOffset(text) ? OffsetDateTime.parse(text).toInstant() : local(LocalDateTime.parse(text), zone);
        } catch (DateTimeParseException e) {
            throw PromiseRejectedException.unreadable(text, zone);
        }
        at = at.truncatedTo(ChronoUnit.SECONDS);
        if (!at.isAfter(now)) {
            throw PromiseRejectedException.inThePast(show(at, zone), show(now, zone));
        }
        if (at.isAfter(now.plus(maxAhead))) {
            throw PromiseRejectedException.tooFar(maxAhead, show(now.plus(maxAhead), zone));
        }
        return at;
    }

    /** {@code at} as the customer's side of the team reads it: {@code 2026-12-04 00:30}. */
    public static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** {@code at} as a {@code datetime-local} field value in {@code zone}. */
    public static String field(Instant at, ZoneId zone) {
        return FIELD.format(at.atZone(zone));
    }

    private static String show(Instant at, ZoneId zone) {
        return local(at, zone) + " " + zone.getId();
    }

    private static Instant local(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw PromiseRejectedException.skipped(LOCAL.format(local), zone);
        }
        try {
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        } catch (DateTimeException e) {
            throw PromiseRejectedException.unreadable(e.getMessage());
        }
    }

    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        if (time < 0) {
            return false;
        }
        String rest = text.substring(time);
        return rest.endsWith("Z") || rest.endsWith("z") || rest.indexOf('+') > 0 || rest.indexOf('-') > 0;
    }
}
