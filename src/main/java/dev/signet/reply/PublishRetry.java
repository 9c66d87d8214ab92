package dev.signet.reply;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.Published;
import dev.signet.channel.RetryableChannelFailure;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Retries one publish attempt on passing failures with exponential backoff and jitter (SmallRye Fault Tolerance),
 * as {@code channel.ChannelRetry} does for reads, but built from {@link PublisherConfig} (the programmatic
 * {@link Guard}, since annotation values are constants).
 */
@ApplicationScoped
public class PublishRetry {

    private final Guard guard;

    public PublishRetry(PublisherConfig config) {
        long delay = config.retryDelay().toMillis();
        this.guard = Guard.create()
                .withDescription("publish reply")
                .withRetry()
                .maxRetries(config.retries())
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(Math.max(1, delay / 2), ChronoUnit.MILLIS)
                .whenException(new RetryableChannelFailure())
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(config.retryMaxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    public Published call(Supplier<Published> attempt) {
        return guard.get(attempt, Published.class);
    }
}
