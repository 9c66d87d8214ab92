package dev.signet.messaging;

/**
 * A Kafka record whose value is not the message its topic carries. It can never be processed, so it is thrown
 * back to the connector, whose dead-letter strategy keeps it (value unchanged, this message as the reason).
 */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnreadableRecordException(String reason) {
        super(reason);
    }
}
