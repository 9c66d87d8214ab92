package dev.signet.intake;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.messaging.MessagingConfig;
import io.smallrye.faulttolerance.api.Guard;

/**
 * {@link IntakeRetry} by SmallRye Fault Tolerance: exponential backoff from 1 s, capped at 30 s, no jitter (the
 * partition waits in order anyway), aborted at once by a refusal. The programmatic {@link Guard}, because the
 * number of attempts comes from {@link MessagingConfig}.
 */
@ApplicationScoped
class FaultTolerantIntakeRetry implements IntakeRetry {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Guard guard;

    FaultTolerantIntakeRetry(MessagingConfig config) {
        this.guard = Guard.create()
                .withDescription("store inbound record")
                .withRetry()
                .maxRetries(config.intakeAttempts() - 1)
                .delay(FIRST_PAUSE.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(LONGEST_PAUSE.multipliedBy(config.intakeAttempts() + 1L).toMillis(), ChronoUnit.MILLIS)
                .abortOn(MessageRejectedException.class)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(LONGEST_PAUSE.toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    @Override
    public IntakeResult store(Supplier<IntakeResult> attempt) {
        return guard.get(attempt, IntakeResult.class);
    }
}
