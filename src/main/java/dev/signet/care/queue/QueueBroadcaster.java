package dev.signet.care.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import dev.signet.care.QueueChanged;

/**
 * Passes queue changes on to every open live queue (the server-sent event streams of this replica), after the
 * transaction that made them commits, so that a page never refetches before the change is visible. In-process:
 * each replica tells the pages connected to it about the changes it made itself (a replica's pages also see
 * other replicas' changes on their next event or fallback poll).
 */
@ApplicationScoped
class QueueBroadcaster {

    // Mutiny's processor fans out to every subscriber; its onNext must not run concurrently, and changes commit
    // on many threads, hence the lock.
    private final BroadcastProcessor<QueueChanged> processor = BroadcastProcessor.create();
    private final Object lock = new Object();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged change) {
        synchronized (lock) {
            processor.onNext(change);
        }
    }

    /** Every change from now on; a subscriber that can't keep up misses changes rather than holding others back. */
    public Multi<QueueChanged> changes() {
        return processor.onOverflow().drop();
    }
}
