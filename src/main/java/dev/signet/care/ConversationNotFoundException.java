package dev.signet.care;

import dev.signet.api.ProblemException;

public class ConversationNotFoundException extends ProblemException {
    public ConversationNotFoundException(long id) {
        super(404, "conversation-not-found", "Conversation not found", "There is no conversation " + id + ".");
    }
}
