package dev.signet.care;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.signet.care.csat.CsatSkipReason;
import dev.signet.care.csat.CsatSurvey;
import dev.signet.care.routing.EscalationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Care's figures and messages for the features that report on them (insight): CSAT, escalations and resolution
 * times of one brand account in a period, and messages by id. Records only, read from care's own tables, so no
 * other package reads them; team figures only (nothing here names an agent). Each method runs a fixed number of
 * statements (noted on it).
 */
@ApplicationScoped
public class CareFigures {

    /**
     * The surveys asked in a period and those skipped in it.
     *
     * @param asked        surveys asked in the period
     * @param answered     of those, answered
     * @param scored       of those, answered with a score
     * @param averageScore the average score, null without one
     * @param satisfied    scores of 4 or 5
     * @param skipped      surveys skipped (decided) in the period, by reason, most frequent first
     */
    public record Csat(long asked, long answered, long scored, Double averageScore, long satisfied,
            List<SkipCount> skipped) {
    }

    /** How many surveys were skipped for one reason (its words: {@link CsatSkipReason#label()}). */
    public record SkipCount(CsatSkipReason reason, long count) {
    }

    /**
     * Escalations recorded in a period on the account's conversations.
     *
     * @param escalated     escalations
     * @param conversations conversations escalated
     * @param deescalated   de-escalations
     * @param reasons       the most frequent reasons of the escalations, most frequent first
     */
    public record Escalations(long escalated, long conversations, long deescalated, List<ReasonCount> reasons) {
    }

    public record ReasonCount(String reason, long count) {
    }

    /** Conversations resolved in a period and their resolution time on the customer's clock (seconds). */
    public record Resolution(long resolved, Double medianSeconds, Double p90Seconds) {
    }

    /** A message as reports show it. */
    public record MessageText(long id, Instant sentAt, String text) {
    }

    /** Who wrote a message (direction {@code IN}: the customer), in which conversation, on which brand account, when. */
    public record MessageOrigin(long id, Direction direction, long conversationId, long accountId, Instant sentAt) {
    }

    private final EntityManager em;

    public CareFigures(EntityManager em) {
        this.em = em;
    }

    /** CSAT of the account's surveys asked in [from, to), and the skips decided then: 2 statements. */
    @Transactional
    public Csat csat(long accountId, Instant from, Instant to) {
        Object[] row = em.createQuery("""
                select count(s), coalesce(sum(case when s.answeredAt is not null then 1 else 0 end), 0),
                       count(s.score), avg(s.score), coalesce(sum(case when s.score >= 4 then 1 else 0 end), 0)
                from CsatSurvey s where s.account.id = :a and s.askedAt >= :from and s.askedAt < :to""", Object[].class)
                .setParameter("a", accountId).setParameter("from", from).setParameter("to", to).getSingleResult();
        List<SkipCount> skipped = em.createQuery("""
                select s.skipReason, count(s) from CsatSurvey s
                where s.account.id = :a and s.status = :skipped and s.decidedAt >= :from and s.decidedAt < :to
                group by s.skipReason order by count(s) desc, s.skipReason""", Object[].class)
                .setParameter("a", accountId).setParameter("skipped", CsatSurvey.Status.SKIPPED)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new SkipCount((CsatSkipReason) r[0], ((Number) r[1]).longValue())).toList();
        return new Csat(number(row[0]), number(row[1]), number(row[2]),
                row[3] == null ? null : ((Number) row[3]).doubleValue(), number(row[4]), skipped);
    }

    /** Escalations of the account's conversations recorded in [from, to), with the top {@code reasonsShown} reasons: 2 statements. */
    @Transactional
    public Escalations escalations(long accountId, Instant from, Instant to, int reasonsShown) {
        Object[] row = em.createQuery("""
                select coalesce(sum(case when e.action = dev.signet.care.routing.EscalationEvent.Action.ESCALATED then 1 else 0 end), 0),
                       count(distinct case when e.action = dev.signet.care.routing.EscalationEvent.Action.ESCALATED
                                           then e.conversationId end),
                       coalesce(sum(case when e.action = dev.signet.care.routing.EscalationEvent.Action.DEESCALATED then 1 else 0 end), 0)
                from EscalationEvent e, Conversation c
                where c.id = e.conversationId and c.account.id = :a and e.at >= :from and e.at < :to""", Object[].class)
                .setParameter("a", accountId).setParameter("from", from).setParameter("to", to).getSingleResult();
        List<ReasonCount> reasons = em.createQuery("""
                select e.reason, count(e) from EscalationEvent e, Conversation c
                where c.id = e.conversationId and c.account.id = :a and e.action = :up and e.at >= :from and e.at < :to
                group by e.reason order by count(e) desc, e.reason""", Object[].class)
                .setParameter("a", accountId).setParameter("up", EscalationEvent.Action.ESCALATED)
                .setParameter("from", from).setParameter("to", to).setMaxResults(reasonsShown).getResultList().stream()
                .map(r -> new ReasonCount((String) r[0], ((Number) r[1]).longValue())).toList();
        return new Escalations(number(row[0]), number(row[1]), number(row[2]), reasons);
    }

    /**
     * Median and 90th percentile of the resolution time (first message → resolution) of the account's conversations
     * resolved in [from, to), in the database (through the index on account and {@code resolved_at}): 1 statement.
     */
    @Transactional
    public Resolution resolution(long accountId, Instant from, Instant to) {
        Object[] row = em.createQuery("""
                select count(c),
                  percentile_cont(0.5) within group (order by (c.resolvedAt - c.firstMessageAt) by second),
                  percentile_cont(0.9) within group (order by (c.resolvedAt - c.firstMessageAt) by second)
                from Conversation c
                where c.account.id = :account and c.resolvedAt >= :from and c.resolvedAt < :to""", Object[].class)
                .setParameter("account", accountId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        long resolved = number(row[0]);
        return resolved == 0 ? new Resolution(0, null, null)
                : new Resolution(resolved, seconds(row[1]), seconds(row[2]));
    }

    /** The text of the customer's (inbound) message with this id; empty when there is none: 1 statement. */
    @Transactional
    public Optional<String> inboundText(long messageId) {
        return em.createQuery("select m.text from Message m where m.id = :id and m.direction = :in", String.class)
                .setParameter("id", messageId).setParameter("in", Direction.IN).getResultStream().findFirst();
    }

    /** The messages with these ids (those that exist), by id: 1 statement, none for no ids. */
    @Transactional
    public Map<Long, MessageText> messages(Collection<Long> ids) {
        Map<Long, MessageText> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        em.createQuery("select m.id, m.sentAt, m.text from Message m where m.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> byId.put((Long) r[0], new MessageText((Long) r[0], (Instant) r[1], (String) r[2])));
        return byId;
    }

    /** Who wrote the message and on which account; empty when there is no such message: 1 statement. */
    @Transactional
    public Optional<MessageOrigin> origin(long messageId) {
        return em.createQuery("""
                select m.direction, c.id, c.account.id, m.sentAt from Message m join m.conversation c where m.id = :id""",
                Object[].class).setParameter("id", messageId).getResultStream().findFirst()
                .map(r -> new MessageOrigin(messageId, (Direction) r[0], (Long) r[1], (Long) r[2], (Instant) r[3]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double seconds(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
