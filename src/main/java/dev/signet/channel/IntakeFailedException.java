package dev.signet.channel;

/** Intake (or the broker) refused or did not confirm a message; the poller keeps its cursor. */
public class IntakeFailedException extends RuntimeException {

    public IntakeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
