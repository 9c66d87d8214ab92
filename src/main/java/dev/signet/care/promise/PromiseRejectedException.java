package dev.signet.care.promise;

import java.time.Duration;
import java.time.ZoneId;

import dev.signet.api.ProblemException;

/** A promised update time (or a promise statistic's period) that can't be taken as given; nothing was stored. */
final class PromiseRejectedException extends ProblemException {

    private PromiseRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static PromiseRejectedException required(ZoneId zone) {
        return new PromiseRejectedException(400, "promise-required", "Promise the next update",
                "Waiting on us means the customer was promised an update: say by when (date and time, "
                        + zone.getId() + ").");
    }

    static PromiseRejectedException unreadable(String detail) {
        return new PromiseRejectedException(400, "promise-time-invalid", "Unreadable time", detail);
    }

    static PromiseRejectedException unreadable(String text, ZoneId zone) {
        return unreadable("\"" + text + "\" is not a date and time: write it as 2026-12-04T15:30 (" + zone.getId()
                + " time).");
    }

    static PromiseRejectedException inThePast(String at, String now) {
        return new PromiseRejectedException(422, "promise-in-the-past", "Promise is not in the future",
                "The update time " + at + " has already passed (it is " + now + " now). Promise a time still to come.");
    }

    static PromiseRejectedException tooFar(Duration maxAhead, String latest) {
        return new PromiseRejectedException(422, "promise-too-far", "Promise too far ahead",
                "Promise an update within " + maxAhead.toDays() + " days (by " + latest
                        + "); for longer background work, promise an interim update.");
    }

    static PromiseRejectedException skipped(String local, ZoneId zone) {
        return new PromiseRejectedException(422, "promise-time-skipped", "That time does not exist there",
                local + " does not exist in " + zone.getId() + " (the clocks skip that hour): choose another time.");
    }

    static PromiseRejectedException badPeriod(int maxDays) {
        return new PromiseRejectedException(400, "bad-period", "Bad period",
                "Count promises over 1 to " + maxDays + " days (e.g. days=7).");
    }
}
