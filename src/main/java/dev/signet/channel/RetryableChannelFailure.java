package dev.signet.channel;

import java.util.function.Predicate;

/**
 * Which failures are worth an immediate retry with backoff: passing ones (5xx, timeouts, network), but not a
 * 429 (wait for the reset instead) nor a refusal (bad credentials, a rejected message).
 */
public class RetryableChannelFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof ChannelException channel && channel.retryable()
                && !(failure instanceof RateLimitedException);
    }
}
