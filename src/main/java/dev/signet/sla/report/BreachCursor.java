package dev.signet.sla.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a page of breaches ends: the last one's due time and id, as {@code 2026-12-08T01:02:03.123456Z_42}. */
record BreachCursor(Instant dueAt, long id) {

    static BreachCursor of(SlaReport.Breach b) {
        return new BreachCursor(b.dueAt(), b.id());
    }

    /** Null for null or blank; a 400 problem for anything else that is not a cursor. */
    static BreachCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int at = value.lastIndexOf('_');
        try {
            if (at < 0) {
                throw new NumberFormatException("no id");
            }
            return new BreachCursor(Instant.parse(value.substring(0, at)), Long.parseLong(value.substring(at + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadBreachCursorException(value);
        }
    }

    @Override
    public String toString() {
        return dueAt + "_" + id;
    }
}
