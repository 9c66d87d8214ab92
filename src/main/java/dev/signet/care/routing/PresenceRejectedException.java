package dev.signet.care.routing;

import dev.signet.api.ProblemException;

/** A presence change that can't be made: no shift for this user. */
final class PresenceRejectedException extends ProblemException {

    private PresenceRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static PresenceRejectedException noShift() {
        return new PresenceRejectedException(403, "no-shift", "No shift to mark",
                "Only agents and leads who answer customers go on shift.");
    }
}
