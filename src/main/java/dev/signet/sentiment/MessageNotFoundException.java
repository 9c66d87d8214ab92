package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** A message asked about (its sentiment, a correction of it) that does not exist. */
class MessageNotFoundException extends ProblemException {

    MessageNotFoundException(long messageId) {
        super(404, "message-not-found", "Message not found", "There is no message " + messageId + ".");
    }
}
