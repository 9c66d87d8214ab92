package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Goodwill gestures; every list fetches what its views need in one statement. */
@ApplicationScoped
class GoodwillRepository implements PanacheRepository<GoodwillGesture> {

    private static final String WITH_ALL = """
            select g from GoodwillGesture g join fetch g.agent left join fetch g.decidedBy
            join fetch g.conversation c join fetch c.account join fetch c.identity i left join fetch i.customer
            """;

    /** The sum of one agent's gestures granted within the allowance in [start, end), in one currency. */
    public BigDecimal grantedSum(long agentId, String currency, Instant start, Instant end) {
        BigDecimal sum = getEntityManager().createQuery("""
                select sum(g.amount) from GoodwillGesture g
                where g.agent.id = :agent and g.status = :granted and g.currency = :currency
                and g.createdAt >= :start and g.createdAt < :end""", BigDecimal.class)
                .setParameter("agent", agentId).setParameter("granted", GoodwillStatus.GRANTED)
                .setParameter("currency", currency).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** One agent's gestures in [start, end), newest first. */
    public List<GoodwillGesture> ofAgent(long agentId, Instant start, Instant end) {
        return getEntityManager().createQuery(WITH_ALL + """
                where g.agent.id = :agent and g.createdAt >= :start and g.createdAt < :end
                order by g.createdAt desc, g.id desc""", GoodwillGesture.class)
                .setParameter("agent", agentId).setParameter("start", start).setParameter("end", end)
                .getResultList();
    }

    /** A conversation's gestures, oldest first. */
    public List<GoodwillGesture> ofConversation(long conversationId) {
        return getEntityManager().createQuery(WITH_ALL + """
                where c.id = :id order by g.createdAt, g.id""", GoodwillGesture.class)
                .setParameter("id", conversationId).getResultList();
    }

    /** Gestures waiting for a lead, oldest first (whatever their period: a wait does not expire). */
    public List<GoodwillGesture> pending(int limit) {
        return getEntityManager().createQuery(WITH_ALL + """
                where g.status = :pending order by g.createdAt, g.id""", GoodwillGesture.class)
                .setParameter("pending", GoodwillStatus.PENDING_APPROVAL).setMaxResults(limit).getResultList();
    }

    /** One gesture with what its view needs. */
    public GoodwillGesture withAll(long id) {
        return getEntityManager().createQuery(WITH_ALL + "where g.id = :id", GoodwillGesture.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    /**
     * Per agent and status in [start, end), in one currency: agent id, username, name, initials, status, sum,
     * count.
     */
    public List<Object[]> ledger(String currency, Instant start, Instant end) {
        return getEntityManager().createQuery("""
                select u.id, u.username, u.displayName, u.initials, g.status, sum(g.amount), count(g)
                from GoodwillGesture g join g.agent u
                where g.currency = :currency and g.createdAt >= :start and g.createdAt < :end
                group by u.id, u.username, u.displayName, u.initials, g.status""", Object[].class)
                .setParameter("currency", currency).setParameter("start", start).setParameter("end", end)
                .getResultList();
    }
}
