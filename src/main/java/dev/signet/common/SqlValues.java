package dev.signet.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Values of native query results, which PostgreSQL's and H2's drivers hand over as different Java types. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamp with time zone} column as an instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected time value of type " + value.getClass().getName());
    }

    /** A number column as a Long; null stays null. */
    public static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
