package dev.signet.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import dev.signet.live.LiveBus;
import dev.signet.live.LiveMessage;
import dev.signet.live.LiveResync;

/**
 * Passes stored notifications on to the open notification streams once their transaction has committed (a
 * rolled-back note tells nobody): this replica's streams in-process, the other replicas' through the
 * {@link LiveBus} (topic {@value #TOPIC}). Each stream keeps only what is addressed to its own user. When this
 * replica's listener was cut off for a while, every stream is told to resync.
 */
@ApplicationScoped
public class NotificationBroadcaster {

    static final String TOPIC = "notification";

    // One processor for every stream; its onNext must not run concurrently and commits happen on many threads.
    private final BroadcastProcessor<NotificationSent> processor = BroadcastProcessor.create();
    private final BroadcastProcessor<LiveResync> resyncs = BroadcastProcessor.create();
    private final Object lock = new Object();
    private final LiveBus bus;

    NotificationBroadcaster(LiveBus bus) {
        this.bus = bus;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationSent sent) {
        emit(sent);
        bus.publish(TOPIC, sent);
    }

    /** Notifications another replica stored. */
    void fromOtherReplica(@Observes LiveMessage message) {
        if (TOPIC.equals(message.topic())) {
            emit(bus.read(message, NotificationSent.class));
        }
    }

    void resync(@Observes LiveResync resync) {
        synchronized (lock) {
            resyncs.onNext(resync);
        }
    }

    private void emit(NotificationSent sent) {
        synchronized (lock) {
            processor.onNext(sent);
        }
    }

    /** Every resync signal from now on (for every user: each refetches their own count). */
    public Multi<LiveResync> resyncs() {
        return resyncs.onOverflow().drop();
    }

    /** Notifications for {@code userId} from now on; a slow subscriber misses some rather than holding others. */
    public Multi<NotificationSent> sentTo(long userId) {
        return processor.onOverflow().drop().select().where(sent -> sent.userIds().contains(userId));
    }
}
