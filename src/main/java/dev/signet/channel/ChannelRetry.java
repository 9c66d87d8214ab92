package dev.signet.channel;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/** Retries a call to a network on passing failures, with exponential backoff and jitter (SmallRye Fault Tolerance). */
@ApplicationScoped
public class ChannelRetry {

    @Retry(maxRetries = 3, delay = 200, jitter = 100)
    @ExponentialBackoff(factor = 2, maxDelay = 3, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryableChannelFailure.class)
    public <T> T call(Supplier<T> action) {
        return action.get();
    }
}
