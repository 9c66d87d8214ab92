package dev.signet.care.goodwill;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.care.ConversationTimeline;
import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/** Goodwill gestures on the customer's conversations (amount, reason, status, who decided), for the timeline. One statement. */
@ApplicationScoped
public class GoodwillTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select g.created_at, g.id, c.id, c.identity_id, c.account_id, c.kind, g.agent_user_id, g.reason, g.status,
                   g.amount, g.currency, g.decided_by_user_id, count(*) over ()
            from goodwill_gesture g join conversation c on c.id = g.conversation_id
            where c.identity_id in (:ids)
            order by g.created_at desc, g.id desc""";

    private final EntityManager em;

    public GoodwillTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> new TimelineEntry(TimelineKind.GOODWILL, SqlValues.instant(r[0]),
                ((Number) r[1]).longValue(), ConversationTimeline.conversation(r, 2), SqlValues.id(r[6]), (String) r[7],
                (String) r[8], new TimelineEntry.Goodwill(amount(r[9]), (String) r[10], SqlValues.id(r[11]))));
    }

    private static BigDecimal amount(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
