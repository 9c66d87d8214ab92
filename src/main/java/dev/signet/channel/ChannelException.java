package dev.signet.channel;

/**
 * A call to a network failed. {@code retryable} is true for failures that may pass by themselves (timeouts,
 * 5xx, rate limits); false for those that won't (bad credentials, a rejected message).
 */
public class ChannelException extends RuntimeException {

    private final boolean retryable;

    public ChannelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
