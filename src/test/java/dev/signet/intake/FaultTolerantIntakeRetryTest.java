package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The Kafka intake's retry is SmallRye Fault Tolerance's: passing failures are tried again, refusals never. */
@QuarkusTest
class FaultTolerantIntakeRetryTest {

    @Inject
    FaultTolerantIntakeRetry retry;

    @Test
    void aPassingFailureIsTriedAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        IntakeResult result = retry.store(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database away");
            }
            return IntakeResult.STORED;
        });
        assertEquals(IntakeResult.STORED, result);
        assertEquals(3, calls.get());
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        MessageRejectedException refused = assertThrows(MessageRejectedException.class, () -> retry.store(() -> {
            calls.incrementAndGet();
            throw new MessageRejectedException("unknown channel account x");
        }));
        assertEquals("unknown channel account x", refused.getMessage());
        assertEquals(1, calls.get());
    }
}
