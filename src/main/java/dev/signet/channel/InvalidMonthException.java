package dev.signet.channel;

import dev.signet.api.ProblemException;

/** A month for the cost meter that is not written as {@code YYYY-MM}. */
final class InvalidMonthException extends ProblemException {

    InvalidMonthException() {
        super(400, "invalid-month", "Invalid month", "Give the month as YYYY-MM, e.g. 2026-11.");
    }
}
