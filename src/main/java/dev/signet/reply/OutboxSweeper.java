package dev.signet.reply;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox entries that were left pending: a passing failure to retry, or a reply stored just before
 * a restart. Entries younger than the grace period are left to the request that stored them.
 */
@ApplicationScoped
public class OutboxSweeper {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final OutboxRepository outbox;
    private final ReplyPublisher publisher;
    private final Clock clock;

    public OutboxSweeper(OutboxRepository outbox, ReplyPublisher publisher, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(identity = "outbox-sweep", every = "30s", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        pending().forEach(publisher::publish);
    }

    @Transactional
    List<Long> pending() {
        return outbox.pendingBefore(clock.instant().minus(GRACE), 100);
    }
}
