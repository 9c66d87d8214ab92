package dev.signet.care.note;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.care.ConversationTimeline;
import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/** Internal notes on the customer's conversations, for the customer's timeline. One statement. */
@ApplicationScoped
public class NoteTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select n.created_at, n.id, c.id, c.identity_id, c.account_id, c.kind, n.author_user_id, n.text,
                   count(*) over ()
            from conversation_note n join conversation c on c.id = n.conversation_id
            where c.identity_id in (:ids)
            order by n.created_at desc, n.id desc""";

    private final EntityManager em;

    public NoteTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> new TimelineEntry(TimelineKind.CONVERSATION_NOTE, SqlValues.instant(r[0]),
                ((Number) r[1]).longValue(), ConversationTimeline.conversation(r, 2), SqlValues.id(r[6]), (String) r[7],
                null, null));
    }
}
