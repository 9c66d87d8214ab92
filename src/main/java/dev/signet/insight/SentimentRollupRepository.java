package dev.signet.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.sentiment.Sentiment;

/**
 * Writes the insight roll-ups in the caller's transaction. Counts are changed with atomic
 * {@code set x = x + n} updates (no lost update between replicas); a missing row is inserted, and a concurrent
 * insert of the same row fails the transaction, which {@link SentimentRollup} retries once.
 */
@ApplicationScoped
public class SentimentRollupRepository {

    /** Stop adding examples once the id list is this long (leaves room for one more 19-digit id). */
    static final int EXAMPLE_IDS_FULL = 60;

    private final EntityManager em;

    public SentimentRollupRepository(EntityManager em) {
        this.em = em;
    }

    public ScoredMessage scored(long messageId) {
        return em.find(ScoredMessage.class, messageId);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void countSentiment(String accountKey, Instant hour, Sentiment sentiment, long delta) {
        String column = switch (sentiment) {
            case POSITIVE -> "positive";
            case NEUTRAL -> "neutral";
            case NEGATIVE -> "negative";
        };
        int updated = em.createQuery("update HourlySentiment s set s." + column + " = s." + column + " + :delta"
                + " where s.accountKey = :account and s.hourStart = :hour")
                .setParameter("delta", delta).setParameter("account", accountKey).setParameter("hour", hour)
                .executeUpdate();
        if (updated == 0) {
            HourlySentiment row = new HourlySentiment(accountKey, hour);
            row.add(sentiment, delta);
            em.persist(row);
            em.flush();
        }
    }

    public void countTerm(String accountKey, LocalDate day, Term term, long messageId) {
        int updated = em.createQuery("""
                update DailyTerm t set t.mentions = t.mentions + 1,
                  t.exampleIds = case when length(t.exampleIds) < :full then concat(t.exampleIds, ',', :id) else t.exampleIds end
                where t.accountKey = :account and t.day = :day and t.term = :term""")
                .setParameter("full", EXAMPLE_IDS_FULL).setParameter("id", Long.toString(messageId))
                .setParameter("account", accountKey).setParameter("day", day).setParameter("term", term.text())
                .executeUpdate();
        if (updated == 0) {
            em.persist(new DailyTerm(accountKey, day, term, messageId));
            em.flush();
        }
    }

    public void flag(String accountKey, long messageId, long conversationId, FlagReason reason, Instant sentAt, Instant now) {
        long existing = em.createQuery("select count(f) from FlaggedMessage f where f.messageId = :id and f.reason = :reason",
                Long.class).setParameter("id", messageId).setParameter("reason", reason).getSingleResult();
        if (existing == 0) {
            em.persist(new FlaggedMessage(accountKey, messageId, conversationId, reason, sentAt, now));
        }
    }

    public void unflag(long messageId, FlagReason reason) {
        em.createQuery("delete from FlaggedMessage f where f.messageId = :id and f.reason = :reason")
                .setParameter("id", messageId).setParameter("reason", reason).executeUpdate();
    }
}
