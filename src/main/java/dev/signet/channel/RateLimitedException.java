package dev.signet.channel;

import java.time.Instant;

/** The network said "too many requests" (HTTP 429): wait until {@link #resetAt()}, don't retry before. */
public class RateLimitedException extends ChannelException {

    private final Instant resetAt;

    public RateLimitedException(String message, Instant resetAt, Throwable cause) {
        super(message, true, cause);
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
