package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** A correction of a message an agent wrote: only customers' messages have a sentiment. */
class NotACustomerMessageException extends ProblemException {

    NotACustomerMessageException(long messageId) {
        super(422, "not-a-customer-message", "Not a customer's message",
                "Only customers' messages have a sentiment; message " + messageId + " was written by an agent.");
    }
}
