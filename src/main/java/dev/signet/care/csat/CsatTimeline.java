package dev.signet.care.csat;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.care.ConversationTimeline;
import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/**
 * Satisfaction surveys of the customer's conversations once decided (asked, answered or skipped, with the
 * customer's comment), for the timeline. One statement.
 */
@ApplicationScoped
public class CsatTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select coalesce(s.answered_at, s.decided_at, s.created_at) as at, s.id, c.id, c.identity_id, c.account_id,
                   c.kind, s.comment, s.status, s.score, s.skip_reason,
                   case when s.unreadable_answer is null then 0 else 1 end, count(*) over ()
            from csat_survey s join conversation c on c.id = s.conversation_id
            where c.identity_id in (:ids) and s.status <> 'SCHEDULED'
            order by at desc, s.id desc""";

    private final EntityManager em;

    public CsatTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> {
            CsatSurvey.Status status = CsatSurvey.Status.valueOf((String) r[7]);
            Integer score = r[8] == null ? null : ((Number) r[8]).intValue();
            CsatSkipReason reason = r[9] == null ? null : CsatSkipReason.valueOf((String) r[9]);
            return new TimelineEntry(TimelineKind.CSAT, SqlValues.instant(r[0]), ((Number) r[1]).longValue(),
                    ConversationTimeline.conversation(r, 2), null, (String) r[6], status.name(),
                    new TimelineEntry.Csat(score, reason == null ? null : reason.name(),
                            CsatSurvey.outcome(status, score, reason, ((Number) r[10]).intValue() == 1)));
        });
    }
}
