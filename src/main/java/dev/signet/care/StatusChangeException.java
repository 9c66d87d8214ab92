package dev.signet.care;

import dev.signet.api.ProblemException;

/**
 * A status change that can't be made as asked: the state machine does not allow it (see {@link ConversationStatus}),
 * no status was given, or a promise came without (or is missing from) waiting on us.
 */
public class StatusChangeException extends ProblemException {

    private StatusChangeException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static StatusChangeException notAllowed(ConversationStatus from, ConversationStatus to) {
        return new StatusChangeException(409, "invalid-status-change", "Status change not allowed",
                "A conversation that is " + from.label().toLowerCase() + " can't be set to "
                        + (to == null ? "nothing" : to.label().toLowerCase())
                        + (from == ConversationStatus.RESOLVED ? "; reopen it first." : "."));
    }

    /** No status given; {@code detail} says how to give one where the caller is (API body or page form). */
    public static StatusChangeException statusRequired(String detail) {
        return new StatusChangeException(400, "status-required", "Status required", detail);
    }

    static StatusChangeException promiseRequired() {
        return new StatusChangeException(400, "promise-required", "Promise the next update",
                "Waiting on us means the customer was promised an update: say by when (and, if you like, the update "
                        + "to send then).");
    }

    static StatusChangeException promiseOnlyWhenWaitingOnUs() {
        return new StatusChangeException(400, "promise-only-when-waiting-on-us", "Promises go with waiting on us",
                "A promised update is recorded when the conversation is set to waiting on us; send the status alone.");
    }

    static StatusChangeException notHolder(long id) {
        return new StatusChangeException(409, "not-holder", "You don't hold this conversation",
                "Conversation " + id + " is not held by you, so there is nothing to release or hand over.");
    }
}
