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

import dev.signet.api.ProblemException;

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
            throw new ProblemException(400, "promise-required", "Promise the next update",
                    "Waiting on us means the customer was promised an update: say by when (date and time, "
                            + zone.getId() + ").");
        }
        String text = input.strip();
        Instant at;
        try {
            at = hasOffset(text) ? OffsetDateTime.parse(text).toInstant() : local(LocalDateTime.parse(text), zone);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "promise-time-invalid", "Unreadable time",
                    "\"" + text + "\" is not a date and time: write it as 2026-12-04T15:30 (" + zone.getId() + " time).");
        }
        at = at.truncatedTo(ChronoUnit.SECONDS);
        if (!at.isAfter(now)) {
            throw new ProblemException(422, "promise-in-the-past", "Promise is not in the future",
                    "The update time " + show(at, zone) + " has already passed (it is " + show(now, zone)
                            + " now). Promise a time still to come.");
        }
        if (at.isAfter(now.plus(maxAhead))) {
            throw new ProblemException(422, "promise-too-far", "Promise too far ahead",
                    "Promise an update within " + maxAhead.toDays() + " days (by " + show(now.plus(maxAhead), zone)
                            + "); for longer background work, promise an interim update.");
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
            throw new ProblemException(422, "promise-time-skipped", "That time does not exist there",
                    LOCAL.format(local) + " does not exist in " + zone.getId()
                            + " (the clocks skip that hour): choose another time.");
        }
        try {
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        } catch (DateTimeException e) {
            throw new ProblemException(400, "promise-time-invalid", "Unreadable time", e.getMessage());
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
