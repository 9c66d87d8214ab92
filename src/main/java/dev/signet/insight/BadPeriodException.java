package dev.signet.insight;

import dev.signet.api.ProblemException;

public class BadPeriodException extends ProblemException {
    public BadPeriodException(String value) {
        super(400, "bad-period", "Bad period", "The period must be day, week or month, not \""
                + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "\".");
    }
}
