package dev.signet.care.routing;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.care.ConversationTimeline;
import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/** Escalations and de-escalations of the customer's conversations (who, why), for the timeline. One statement. */
@ApplicationScoped
public class EscalationTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select e.action, e.at, e.id, c.id, c.identity_id, c.account_id, c.kind, e.reason, c.status, e.actor,
                   count(*) over ()
            from escalation_event e join conversation c on c.id = e.conversation_id
            where c.identity_id in (:ids)
            order by e.at desc, e.id desc""";

    private final EntityManager em;

    public EscalationTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> new TimelineEntry(
                EscalationEvent.Action.valueOf((String) r[0]) == EscalationEvent.Action.ESCALATED
                        ? TimelineKind.ESCALATED : TimelineKind.DEESCALATED,
                SqlValues.instant(r[1]), ((Number) r[2]).longValue(), ConversationTimeline.conversation(r, 3), null,
                (String) r[7], (String) r[8], new TimelineEntry.Escalation((String) r[9])));
    }
}
