package dev.signet.intake;

/**
 * Intake refuses a message for good: it can never be stored as it is (a required field missing, an account
 * Signet doesn't know). Trying again won't help, so with Kafka the record goes to the dead-letter topic with
 * this message as its reason, and the partition moves on.
 */
public class MessageRejectedException extends RuntimeException {

    public MessageRejectedException(String reason) {
        super(reason);
    }

    public MessageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
