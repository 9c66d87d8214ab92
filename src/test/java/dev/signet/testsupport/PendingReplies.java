package dev.signet.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.reply.DeliveryStatus;
import dev.signet.reply.ReplyPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Publishes a test's replies that are not sent yet, as the sweeper would once their backoff is over. */
@ApplicationScoped
public class PendingReplies {

    private final EntityManager em;
    private final ReplyPublisher publisher;

    public PendingReplies(EntityManager em, ReplyPublisher publisher) {
        this.em = em;
        this.publisher = publisher;
    }

    /** Until every reply whose text contains {@code marker} is SENT, or {@code within} has passed. */
    public void finish(String marker, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            List<Long> pending = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select o.id from OutboxEntry o where o.status <> :sent and o.message.text like :marker", Long.class)
                    .setParameter("sent", DeliveryStatus.SENT).setParameter("marker", "%" + marker + "%")
                    .getResultList());
            if (pending.isEmpty()) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                    "update OutboxEntry o set o.nextAttemptAt = null where o.id in :ids and o.status = :pending")
                    .setParameter("ids", pending).setParameter("pending", DeliveryStatus.PENDING).executeUpdate());
            pending.forEach(publisher::publish);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finishing pending replies", e);
            }
        }
    }
}
