package dev.signet.care;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * After a service-level policy changed, recomputes the stored priority (and due time) of an account's open
 * conversations, a batch per transaction, and tells the live queues ({@code REPRIORITIZED}).
 */
@ApplicationScoped
public class ServiceLevelRefresh {

    private static final int BATCH = 500;

    private final EntityManager em;
    private final PriorityRule priority;
    private final Event<QueueChanged> changes;
    private final Clock clock;

    public ServiceLevelRefresh(EntityManager em, PriorityRule priority, Event<QueueChanged> changes, Clock clock) {
        this.em = em;
        this.priority = priority;
        this.changes = changes;
        this.clock = clock;
    }

    /** Returns how many open conversations were recomputed. */
    public int reprioritizeOpen(String accountKey) {
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<Conversation> batch = em.createQuery("""
                        select c from Conversation c join fetch c.account a join fetch c.identity i
                        left join fetch i.customer
                        where a.accountKey = :account and c.status <> dev.signet.care.ConversationStatus.RESOLVED
                          and c.id > :after order by c.id""", Conversation.class)
                        .setParameter("account", accountKey).setParameter("after", from).setMaxResults(BATCH)
                        .getResultList();
                Instant now = clock.instant();
                for (Conversation c : batch) {
                    c.prioritize(priority);
                    changes.fire(QueueChanged.of(QueueChanged.Type.REPRIORITIZED, c, now));
                }
                return batch.stream().map(Conversation::id).toList();
            });
            done += ids.size();
            if (ids.size() < BATCH) {
                return done;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
