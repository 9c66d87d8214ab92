package dev.signet.care.queue;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import dev.signet.care.QueueChanged;
import dev.signet.live.LiveBus;
import dev.signet.live.LiveMessage;
import dev.signet.live.LiveResync;

/**
 * Passes queue changes on to every open live queue, after the transaction that made them commits, so that a page
 * never refetches before the change is visible: to this replica's server-sent event streams in-process, and through
 * the {@link LiveBus} to the other replicas' streams (which get them as {@link LiveMessage}s on topic
 * {@value #TOPIC}). When this replica's listener was cut off for a while, every stream gets a {@code RESYNC}.
 */
@ApplicationScoped
class QueueBroadcaster {

    static final String TOPIC = "queue";

    // Mutiny's processor fans out to every subscriber; its onNext must not run concurrently, and changes commit
    // on many threads, hence the lock.
    private final BroadcastProcessor<QueueChanged> processor = BroadcastProcessor.create();
    private final Object lock = new Object();
    private final LiveBus bus;
    private final Clock clock;

    QueueBroadcaster(LiveBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged change) {
        emit(change);
        bus.publish(TOPIC, change);
    }

    /** A change another replica made. */
    void fromOtherReplica(@Observes LiveMessage message) {
        if (TOPIC.equals(message.topic())) {
            emit(bus.read(message, QueueChanged.class));
        }
    }

    void resync(@Observes LiveResync resync) {
        emit(new QueueChanged(QueueChanged.Type.RESYNC, 0, null, clock.instant()));
    }

    private void emit(QueueChanged change) {
        synchronized (lock) {
            processor.onNext(change);
        }
    }

    /** Every change from now on; a subscriber that can't keep up misses changes rather than holding others back. */
    public Multi<QueueChanged> changes() {
        return processor.onOverflow().drop();
    }
}
