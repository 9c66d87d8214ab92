package dev.signet.care;

import dev.signet.care.promise.PromiseOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.customer.LoyaltyTier;

/** Reads the {@link ResponseHistory}s of conversations: three statements for any number of them. */
@ApplicationScoped
public class ResponseHistoryService {

    private final EntityManager em;

    public ResponseHistoryService(EntityManager em) {
        this.em = em;
    }

    /** The ids of every conversation of a brand account (to measure them all again, e.g. for the demo). */
    @Transactional
    public List<Long> idsOfAccount(String accountKey) {
        return em.createQuery("select c.id from Conversation c where c.account.accountKey = :a order by c.id", Long.class)
                .setParameter("a", accountKey).getResultList();
    }

    /** The timelines of the conversations that exist among {@code ids}. */
    @Transactional
    public List<ResponseHistory> timelines(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Conversation> conversations = em.createQuery("""
                select c from Conversation c join fetch c.account join fetch c.identity i left join fetch i.customer
                where c.id in :ids""", Conversation.class).setParameter("ids", ids).getResultList();
        Map<Long, List<ResponseHistory.Entry>> messages = new HashMap<>();
        em.createQuery("""
                select m.conversation.id, m.sentAt, m.direction from Message m
                where m.conversation.id in :ids order by m.sentAt, m.id""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> messages.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new ResponseHistory.Entry((java.time.Instant) r[1], r[2] == Direction.IN)));
        Map<Long, List<ResponseHistory.Promise>> promises = new HashMap<>();
        em.createQuery("""
                select p.conversation.id, p.madeAt, p.dueAt, p.settledAt, p.outcome from UpdatePromise p
                where p.conversation.id in :ids order by p.madeAt, p.id""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> promises.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new ResponseHistory.Promise((java.time.Instant) r[1], (java.time.Instant) r[2],
                                (java.time.Instant) r[3], (PromiseOutcome) r[4])));
        List<ResponseHistory> result = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            LoyaltyTier tier = c.identity().customer() == null ? LoyaltyTier.NONE : c.identity().customer().loyaltyTier();
            result.add(new ResponseHistory(c.id(), c.account().accountKey(), c.kind(), tier, c.status().open(),
                    c.firstMessageAt(), c.resolvedAt(), messages.getOrDefault(c.id(), List.of()),
                    promises.getOrDefault(c.id(), List.of())));
        }
        return result;
    }
}
