package dev.signet.intake;

import java.util.function.Supplier;

/**
 * How the Kafka intake stores one record despite passing failures (the database away, a lock timeout): attempts
 * spaced 1 s, 2 s, 4 s … (at most 30 s) apart, {@code signet.messaging.intake-attempts} in all, never again for a
 * record intake refused for good ({@link MessageRejectedException}). The last failure is thrown when all attempts
 * failed. {@link FaultTolerantIntakeRetry} is the one implementation; tests put a scripted one in its place.
 */
interface IntakeRetry {

    IntakeResult store(Supplier<IntakeResult> attempt);
}
