package dev.signet.sla.report;

import dev.signet.api.ProblemException;

/** A {@code before=} that is not the cursor a page of breaches gave. */
class BadBreachCursorException extends ProblemException {
    BadBreachCursorException(String value) {
        super(400, "bad-breach-cursor", "Bad breach cursor", "before must be the olderBreaches value of a report, not \""
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\".");
    }
}
