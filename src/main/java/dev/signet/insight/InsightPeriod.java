package dev.signet.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The periods the insights cover, ending with the current hour; the day and week in hours, the month in days. */
public enum InsightPeriod {
    DAY(Duration.ofDays(1), ChronoUnit.HOURS),
    WEEK(Duration.ofDays(7), ChronoUnit.HOURS),
    MONTH(Duration.ofDays(30), ChronoUnit.DAYS);

    private final Duration length;
    private final ChronoUnit bucket;

    InsightPeriod(Duration length, ChronoUnit bucket) {
        this.length = length;
        this.bucket = bucket;
    }

    /** Reads {@code day}, {@code week} or {@code month} (any case); null or blank is the week. */
    public static InsightPeriod parse(String value) {
        if (value == null || value.isBlank()) {
            return WEEK;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadPeriodException(value);
        }
    }

    /** The end of the period (exclusive): the end of the current hour, or of the current day (UTC). */
    public Instant end(Instant now) {
        return now.truncatedTo(bucket).plus(1, bucket);
    }

    public Instant start(Instant now) {
        return end(now).minus(length);
    }

    public ChronoUnit bucket() {
        return bucket;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
