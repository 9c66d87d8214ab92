package dev.signet.care;

import dev.signet.api.ProblemException;

/** A hand-off that can't be recorded: no reason, too long a reason, or no colleague to take it. Nothing changed. */
final class HandOffRejectedException extends ProblemException {

    private HandOffRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static HandOffRejectedException reasonRequired() {
        return new HandOffRejectedException(400, "hand-off-needs-reason", "Say why",
                "A hand-off records why: write a reason for your colleague.");
    }

    static HandOffRejectedException reasonTooLong() {
        return new HandOffRejectedException(400, "hand-off-reason-too-long", "Reason too long",
                "Keep the reason under 500 characters.");
    }

    static HandOffRejectedException unknownAgent(String username) {
        return new HandOffRejectedException(400, "unknown-agent", "No such agent",
                "There is no agent or lead called " + username + " who can take over conversations.");
    }

    static HandOffRejectedException toSelf() {
        return new HandOffRejectedException(400, "hand-off-to-self", "Hand-off to yourself",
                "Choose a colleague: you already have this conversation.");
    }
}
