package dev.signet.care;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.common.SqlValues;
import dev.signet.customer.TimelineContributor;
import dev.signet.customer.TimelineEntry;
import dev.signet.customer.TimelineKind;

/**
 * The conversations' part of a customer's timeline: every message (public and DM, in and out), each conversation
 * opened, each status change an agent made (or a reopening by the customer) and each hand-off. One statement.
 */
@ApplicationScoped
public class ConversationTimeline implements TimelineContributor {

    private static final String NEWEST = """
            select t.*, count(*) over () as total from (
                select 'MESSAGE' as entry, m.sent_at as at, m.id as ref, c.id as conversation_id, c.identity_id,
                       c.account_id, c.kind, m.author_user_id as user_id, m.text as text,
                       cast(null as varchar(24)) as state, m.direction as direction, cast(null as bigint) as to_user_id
                from message m join conversation c on c.id = m.conversation_id
                where c.identity_id in (:ids)
                union all
                select 'OPENED', c.first_message_at, c.id, c.id, c.identity_id, c.account_id, c.kind, null, null,
                       c.status, null, null
                from conversation c
                where c.identity_id in (:ids)
                union all
                select 'STATUS', s.at, s.id, c.id, c.identity_id, c.account_id, c.kind, s.user_id, null,
                       s.to_status, null, null
                from status_change s join conversation c on c.id = s.conversation_id
                where c.identity_id in (:ids)
                union all
                select 'HANDOFF', h.created_at, h.id, c.id, c.identity_id, c.account_id, c.kind, h.from_user_id,
                       h.reason, null, null, h.to_user_id
                from hand_off h join conversation c on c.id = h.conversation_id
                where c.identity_id in (:ids)
            ) t
            order by t.at desc, t.ref desc, t.entry desc""";

    private final EntityManager em;

    public ConversationTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public Slice newest(Window window) {
        return Slice.newest(em, NEWEST, window, r -> {
            TimelineKind kind = TimelineKind.valueOf((String) r[0]);
            TimelineEntry.Detail detail = switch (kind) {
                case MESSAGE -> new TimelineEntry.Message((String) r[10]);
                case HANDOFF -> new TimelineEntry.HandOff(((Number) r[11]).longValue());
                default -> null;
            };
            return new TimelineEntry(kind, SqlValues.instant(r[1]), ((Number) r[2]).longValue(), conversation(r, 3),
                    SqlValues.id(r[7]), (String) r[8], (String) r[9], detail);
        });
    }

    /** The conversation of a row whose columns from {@code at} are its id, identity, account and kind. */
    /** The conversation columns (id, status, account handle, kind) of a contributor row, from column {@code at}. */
    public static TimelineEntry.Conversation conversation(Object[] row, int at) {
        return new TimelineEntry.Conversation(((Number) row[at]).longValue(), ((Number) row[at + 1]).longValue(),
                ((Number) row[at + 2]).longValue(), (String) row[at + 3]);
    }
}
