package dev.signet.care.promise;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.signet.care.CareConfig;
import dev.signet.care.CareService;
import dev.signet.care.Conversation;
import dev.signet.care.PriorityRule;
import dev.signet.care.QueueChanged;

/**
 * Keeps promised updates moving in the queue. A promise does not count in the queue order until its lead time
 * before it is due ({@code signet.care.promise-lead-time}); this watch raises it then — the order key changes, so
 * the queue's stored order stays exact without scanning — and announces it ({@code REPRIORITIZED}) to the live
 * pages. It also announces each promise that falls due, so that pages show "update overdue" at once. Every replica
 * runs it: raising locks each conversation's row and is idempotent; each replica announces to its own pages.
 */
@ApplicationScoped
class PromiseWatch {

    private static final Logger LOG = Logger.getLogger(PromiseWatch.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final CareService care;
    private final PriorityRule priority;
    private final CareConfig config;
    private final Event<QueueChanged> changes;
    private final Clock clock;
    // The last moment this replica announced due promises up to; a restart announces from then on.
    private final AtomicReference<Instant> announcedUpTo = new AtomicReference<>();

    public PromiseWatch(EntityManager em, CareService care, PriorityRule priority, CareConfig config,
            Event<QueueChanged> changes, Clock clock) {
        this.em = em;
        this.care = care;
        this.priority = priority;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(identity = "promise-watch", every = "${signet.care.promise-check-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Instant now = clock.instant();
        raise(now);
        announceDue(now);
    }

    /** Raises every promise whose lead time has started by {@code now}; returns how many were raised. */
    public int raise(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select c.id from Conversation c
                where c.promise is not null and c.promiseRaised = false and c.promisedUpdateAt <= :horizon
                order by c.promisedUpdateAt""", Long.class)
                .setParameter("horizon", now.plus(config.promiseLeadTime()))
                .setMaxResults(BATCH).getResultList());
        int raised = 0;
        for (long id : due) {
            boolean changed = QuarkusTransaction.requiringNew().call(() -> {
                Conversation conversation = care.lock(id);
                if (conversation.promisedUpdateAt() == null
                        || conversation.promisedUpdateAt().isAfter(now.plus(config.promiseLeadTime()))
                        || !conversation.raisePromise()) {
                    return false;
                }
                conversation.prioritize(priority);
                changes.fire(QueueChanged.of(QueueChanged.Type.REPRIORITIZED, conversation, now));
                return true;
            });
            raised += changed ? 1 : 0;
        }
        if (raised > 0) {
            LOG.debugf("promises: raised %d conversations into the queue", raised);
        }
        return raised;
    }

    /** Tells this replica's live pages about promises that fell due since the last call (they now show overdue). */
    void announceDue(Instant now) {
        Instant from = announcedUpTo.getAndSet(now);
        if (from == null || !from.isBefore(now)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                select c from Conversation c join fetch c.account
                where c.promisedUpdateAt > :from and c.promisedUpdateAt <= :now""", Conversation.class)
                .setParameter("from", from).setParameter("now", now).setMaxResults(BATCH)
                .getResultList()
                .forEach(c -> changes.fire(QueueChanged.of(QueueChanged.Type.REPRIORITIZED, c, now))));
    }
}
