package dev.signet.channel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the acknowledgements of handed-over messages, the same way for every transport. */
final class HandOverFutures {

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private HandOverFutures() {
    }

    static void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeFailedException("interrupted while the messages were handed over", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeFailedException("not every message was taken (intake or broker): " + e.getMessage(), e);
        }
    }
}
