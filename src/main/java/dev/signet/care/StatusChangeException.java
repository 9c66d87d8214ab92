package dev.signet.care;

import dev.signet.api.ProblemException;

/** An agent asked for a status change the state machine does not allow (see {@link ConversationStatus}). */
public class StatusChangeException extends ProblemException {

    public StatusChangeException(String slug, String title, String detail) {
        super(409, slug, title, detail);
    }

    static StatusChangeException notAllowed(ConversationStatus from, ConversationStatus to) {
        return new StatusChangeException("invalid-status-change", "Status change not allowed",
                "A conversation that is " + from.label().toLowerCase() + " can't be set to "
                        + (to == null ? "nothing" : to.label().toLowerCase())
                        + (from == ConversationStatus.RESOLVED ? "; reopen it first." : "."));
    }

    static ProblemException promiseRequired() {
        return new ProblemException(400, "promise-required", "Promise the next update",
                "Waiting on us means the customer was promised an update: say by when (and, if you like, the update "
                        + "to send then).");
    }

    static StatusChangeException notHolder(long id) {
        return new StatusChangeException("not-holder", "You don't hold this conversation",
                "Conversation " + id + " is not held by you, so there is nothing to release or hand over.");
    }
}
