package dev.signet.customer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Internal notes on the customer, for their timeline. One statement. */
@ApplicationScoped
public class CustomerNoteTimeline implements TimelineContributor {

    private final EntityManager em;

    public CustomerNoteTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select n.created_at, n.id, n.author_user_id, n.text, count(*) over () from customer_note n
                where n.customer_id = :id order by n.created_at desc, n.id desc""")
                .setParameter("id", window.customerId()).setMaxResults(window.limit()).getResultList();
        return Slice.of(rows, r -> new TimelineEntry(TimelineKind.NOTE, dev.signet.common.SqlValues.instant(r[0]),
                ((Number) r[1]).longValue(), null, dev.signet.common.SqlValues.id(r[2]), (String) r[3], null, null));
    }
}
