package dev.signet.care.promise;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.care.ConversationTimeline;
import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/** Promised updates made to the customer, and how each ended (kept, broken, withdrawn), for the timeline. One statement. */
@ApplicationScoped
public class PromiseTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select t.*, count(*) over () as total from (
                select 'PROMISE' as entry, p.made_at as at, p.id as ref, c.id as conversation_id, c.identity_id,
                       c.account_id, c.kind, p.made_by_user_id as user_id, p.outcome, p.due_local, p.time_zone,
                       case when p.update_text is null then 0 else 1 end as update_written,
                       cast(null as varchar(24)) as settled_how
                from update_promise p join conversation c on c.id = p.conversation_id
                where c.identity_id in (:ids)
                union all
                select 'PROMISE_SETTLED', p.settled_at, p.id, c.id, c.identity_id, c.account_id, c.kind, null,
                       p.outcome, p.due_local, p.time_zone, case when p.update_text is null then 0 else 1 end,
                       p.settled_how
                from update_promise p join conversation c on c.id = p.conversation_id
                where c.identity_id in (:ids) and p.settled_at is not null
            ) t
            order by t.at desc, t.ref desc, t.entry desc""";

    private final EntityManager em;

    public PromiseTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> new TimelineEntry(TimelineKind.valueOf((String) r[0]), SqlValues.instant(r[1]),
                ((Number) r[2]).longValue(), ConversationTimeline.conversation(r, 3), SqlValues.id(r[7]), null,
                (String) r[8], new TimelineEntry.Promise((String) r[9], (String) r[10], ((Number) r[11]).intValue() == 1,
                        (String) r[12])));
    }
}
