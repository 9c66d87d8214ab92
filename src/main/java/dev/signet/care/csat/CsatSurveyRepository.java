package dev.signet.care.csat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class CsatSurveyRepository implements PanacheRepository<CsatSurvey> {

    /** The conversation's survey still waiting for its delay, if any. */
    public Optional<CsatSurvey> scheduledFor(long conversationId) {
        return find("conversation.id = ?1 and status = ?2", conversationId, CsatSurvey.Status.SCHEDULED)
                .firstResultOptional();
    }

    /**
     * Due surveys, locked for this transaction and skipped by every other replica's ({@code for update skip
     * locked}), with their conversation, account, identity and customer, oldest first.
     */
    public List<CsatSurvey> lockDue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                select s.id from csat_survey s where s.status = 'SCHEDULED' and s.due_at <= :now
                order by s.due_at, s.id limit :limit for update skip locked""")
                .setParameter("now", now).setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                select s from CsatSurvey s join fetch s.conversation c join fetch c.account
                join fetch c.identity i left join fetch i.customer left join fetch s.resolvedBy
                where s.id in :ids order by s.dueAt, s.id""", CsatSurvey.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList();
    }

    /**
     * When this identity, or any identity of this customer, or this customer was last asked (any account, any
     * channel): the frequency cap follows links and merges made after the question.
     */
    public Optional<Instant> lastAsked(long identityId, Long customerId) {
        Object latest = getEntityManager().createNativeQuery("""
                select max(s.asked_at) from csat_survey s
                where s.asked_at is not null and (s.identity_id = :identity
                   or s.identity_id in (select i.id from social_identity i where i.customer_id = :customer)
                   or s.customer_id = :customer)""")
                .setParameter("identity", identityId).setParameter("customer", customerId == null ? -1L : customerId)
                .getSingleResult();
        return Optional.ofNullable(latest).map(CsatSurveyRepository::instant);
    }

    /** Surveys asked since {@code since} that wait for an answer from these identities or under these posts. */
    public List<CsatSurvey> awaitingAnswer(Collection<Long> identityIds, Collection<String> questionExternalIds,
            Instant since) {
        if (identityIds.isEmpty() && questionExternalIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                select s from CsatSurvey s join fetch s.message m join fetch s.conversation c join fetch c.account
                join fetch c.identity i left join fetch i.customer
                where s.status = :asked and s.askedAt > :since
                and (s.identity.id in :identities or m.externalId in :posts)
                order by s.askedAt, s.id""", CsatSurvey.class)
                .setParameter("asked", CsatSurvey.Status.ASKED).setParameter("since", since)
                .setParameter("identities", identityIds.isEmpty() ? List.of(-1L) : identityIds)
                .setParameter("posts", questionExternalIds.isEmpty() ? List.of("-") : questionExternalIds)
                .getResultList();
    }

    /** A conversation's surveys, newest first. */
    public List<CsatSurvey> ofConversation(long conversationId) {
        return getEntityManager().createQuery("""
                select s from CsatSurvey s left join fetch s.resolvedBy
                where s.conversation.id = :id order by s.createdAt desc, s.id desc""", CsatSurvey.class)
                .setParameter("id", conversationId).getResultList();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("Not a time: " + value);
    }
}
