package dev.signet.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Passes stored notifications on to the open notification streams of this replica once their transaction has
 * committed (a rolled-back note tells nobody). Each stream keeps only what is addressed to its own user. As with
 * the live queue, a replica streams what it stored itself; a user connected to another replica sees the count on
 * the next page or reconnection.
 */
@ApplicationScoped
public class NotificationBroadcaster {

    // One processor for every stream; its onNext must not run concurrently and commits happen on many threads.
    private final BroadcastProcessor<NotificationSent> processor = BroadcastProcessor.create();
    private final Object lock = new Object();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationSent sent) {
        synchronized (lock) {
            processor.onNext(sent);
        }
    }

    /** Notifications for {@code userId} from now on; a slow subscriber misses some rather than holding others. */
    public Multi<NotificationSent> sentTo(long userId) {
        return processor.onOverflow().drop().select().where(sent -> sent.userIds().contains(userId));
    }
}
