package dev.signet.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.customer.CustomerViews.AuditEntry;
import dev.signet.customer.CustomerViews.ConversationContext;
import dev.signet.customer.CustomerViews.Fact;
import dev.signet.customer.CustomerViews.Hit;
import dev.signet.customer.CustomerViews.Identity;
import dev.signet.customer.CustomerViews.Merge;
import dev.signet.customer.CustomerViews.PastHandle;
import dev.signet.customer.CustomerViews.Profile;
import dev.signet.customer.CustomerViews.Suggestion;
import dev.signet.customer.CustomerViews.TimelineEntry;
import dev.signet.customer.CustomerViews.TimelinePage;

/**
 * Reads customers for pages and the API: profile, one timeline across accounts and channels, search. Each read
 * is a fixed number of SQL statements whatever the page size.
 */
@ApplicationScoped
public class CustomerQueryService {

    public static final int MAX_PAGE = 100;
    /** The last timeline page anyone can ask for: page × size stays well inside an int. */
    public static final int LAST_PAGE = 100_000;
    private static final int AUDIT_SHOWN = 200;

    /**
     * Messages, conversations opened and resolved, and internal notes of one customer (on the customer: NOTE; on
     * one of their conversations: CONVERSATION_NOTE), newest first.
     */
    private static final String TIMELINE = """
            select 'MESSAGE' as entry, m.sent_at as at, m.id as ref, c.id as conversation_id, c.kind as channel,
                   a.handle as account_handle, m.direction as direction, m.text as text, u.initials as initials,
                   i.handle as author_handle, cast(null as varchar(24)) as status
            from message m join conversation c on c.id = m.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            left join app_user u on u.id = m.author_user_id
            where i.customer_id = :id
            union all
            select 'OPENED', c.first_message_at, c.id, c.id, c.kind, a.handle, null, null, null, i.handle, c.status
            from conversation c join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            where i.customer_id = :id
            union all
            select 'STATUS', s.at, s.id, c.id, c.kind, a.handle, null, null, u.initials, i.handle, s.to_status
            from status_change s join conversation c on c.id = s.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            left join app_user u on u.id = s.user_id
            where i.customer_id = :id
            union all
            select 'HANDOFF', h.created_at, h.id, c.id, c.kind, a.handle, null,
                   '^' || f.initials || ' → ^' || t.initials || ': ' || h.reason, f.initials, i.handle, null
            from hand_off h join conversation c on c.id = h.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            join app_user f on f.id = h.from_user_id join app_user t on t.id = h.to_user_id
            where i.customer_id = :id
            union all
            select 'NOTE', n.created_at, n.id, null, null, null, null, n.text, u.initials, null, null
            from customer_note n join app_user u on u.id = n.author_user_id
            where n.customer_id = :id
            union all
            select e.action, e.at, e.id, c.id, c.kind, a.handle, null, e.reason, null, e.actor, c.status
            from escalation_event e join conversation c on c.id = e.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            where i.customer_id = :id
            union all
            select 'CONVERSATION_NOTE', cn.created_at, cn.id, c.id, c.kind, a.handle, null, cn.text, u.initials, i.handle, null
            from conversation_note cn join conversation c on c.id = cn.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            join app_user u on u.id = cn.author_user_id
            where i.customer_id = :id
            union all
            select 'PROMISE', p.made_at, p.id, c.id, c.kind, a.handle, null,
                   'update promised for ' || p.due_local || ' (' || p.time_zone || ')'
                   || case when p.update_text is null then '' else ', scheduled update written' end,
                   u.initials, i.handle, p.outcome
            from update_promise p join conversation c on c.id = p.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            join app_user u on u.id = p.made_by_user_id
            where i.customer_id = :id
            union all
            select 'PROMISE_SETTLED', p.settled_at, p.id, c.id, c.kind, a.handle, null,
                   case p.outcome when 'KEPT' then case when p.settled_how = 'SCHEDULED_UPDATE'
                                                        then 'scheduled update sent: promise kept'
                                                        else 'update sent: promise kept' end
                                  when 'BROKEN' then 'promise for ' || p.due_local || ' broken (update late or missing)'
                                  else 'promise for ' || p.due_local || ' withdrawn' end,
                   null, i.handle, p.outcome
            from update_promise p join conversation c on c.id = p.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            where i.customer_id = :id and p.settled_at is not null
            union all
            select 'GOODWILL', g.created_at, g.id, c.id, c.kind, a.handle, null,
                   case g.currency when 'EUR' then '€' when 'USD' then '$' when 'GBP' then '£' when 'JPY' then '¥'
                        else g.currency || ' ' end || cast(g.amount as varchar(24)) || ' goodwill — ' || g.reason
                   || case when g.status = 'GRANTED' then ' (granted within allowance)'
                           when g.status = 'PENDING_APPROVAL' then ' (waiting for a lead)'
                           when g.status = 'APPROVED' then ' (approved by '
                               || case when d.initials is not null then '^' || d.initials else d.display_name end || ')'
                           else ' (declined by '
                               || case when d.initials is not null then '^' || d.initials else d.display_name end || ')'
                      end,
                   u.initials, null, g.status
            from goodwill_gesture g join conversation c on c.id = g.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            join app_user u on u.id = g.agent_user_id left join app_user d on d.id = g.decided_by_user_id
            where i.customer_id = :id
            union all
            select 'CSAT', coalesce(s.answered_at, s.decided_at, s.created_at), s.id, c.id, c.kind, a.handle, null,
                   s.comment, null, i.handle, s.outcome
            from csat_survey s join conversation c on c.id = s.conversation_id
            join social_identity i on i.id = c.identity_id join channel_account a on a.id = c.account_id
            where i.customer_id = :id and s.status <> 'SCHEDULED'
            """;

    private static final String SEARCH = """
            select c.id, c.crm_id, c.name, c.email, c.loyalty_tier from customer c
            where c.merged_into_id is null and c.id in (
                select id from customer where lower(name) like :p escape '\\'
                union select id from customer where lower(email) like :p escape '\\'
                union select id from customer where lower(crm_id) like :p escape '\\'
                union select id from customer where lower(x_handle) like :p escape '\\'
                union select customer_id from social_identity where lower(handle) like :p escape '\\' and customer_id is not null
                union select i.customer_id from handle_history h join social_identity i on i.id = h.identity_id
                      where lower(h.handle) like :p escape '\\' and i.customer_id is not null)
            order by c.name, c.id""";

    private final EntityManager em;
    private final IdentityLinkService links;

    public CustomerQueryService(EntityManager em, IdentityLinkService links) {
        this.em = em;
        this.links = links;
    }

    @Transactional
    public Profile profile(long customerId) {
        Customer c = em.find(Customer.class, customerId);
        if (c == null) {
            throw CustomerActionException.notFound("customer", customerId);
        }
        List<SocialIdentity> identities = em.createQuery(
                "select i from SocialIdentity i where i.customer.id = :id order by i.createdAt, i.id", SocialIdentity.class)
                .setParameter("id", customerId).getResultList();
        Map<Long, List<PastHandle>> past = new HashMap<>();
        if (!identities.isEmpty()) {
            em.createQuery("select h, h.identity.id from HandleHistory h where h.identity.id in :ids order by h.validTo desc",
                    Object[].class)
                    .setParameter("ids", identities.stream().map(SocialIdentity::id).toList()).getResultList()
                    .forEach(row -> {
                        HandleHistory h = (HandleHistory) row[0];
                        past.computeIfAbsent((Long) row[1], k -> new ArrayList<>())
                                .add(new PastHandle(h.handle(), h.validFrom(), h.validTo()));
                    });
        }
        List<Identity> identityViews = identities.stream().map(i -> new Identity(i.id(), i.network().name(),
                i.externalUserId(), i.handle(), i.displayName(), i.linkRule() == null ? null : i.linkRule().name(),
                i.linkedAt(), past.getOrDefault(i.id(), List.of()))).toList();
        List<AuditEntry> audit = em.createQuery(
                "select a from CustomerAudit a where a.customerId = :id order by a.at desc, a.id desc", CustomerAudit.class)
                .setParameter("id", customerId).setMaxResults(AUDIT_SHOWN).getResultList().stream()
                .map(a -> new AuditEntry(a.at(), a.action().name(), a.actor(), a.reason(), a.identityId(), a.otherCustomerId()))
                .toList();
        List<Merge> merges = em.createQuery("""
                select m from CustomerMerge m where m.sourceCustomerId = :id or m.targetCustomerId = :id
                order by m.mergedAt desc, m.id desc""", CustomerMerge.class)
                .setParameter("id", customerId).getResultList().stream()
                .map(m -> new Merge(m.id(), m.sourceCustomerId(), m.targetCustomerId(), m.mergedBy(), m.mergedAt(),
                        m.reason(), m.undone()))
                .toList();
        return new Profile(c.id(), c.crmId(), c.name(), c.email(), c.loyaltyTier(), c.lifetimeValue(), c.tags(),
                c.notes(), c.mergedIntoId(), identityViews, facts(customerId), audit, merges);
    }

    /** One page of the customer's timeline, newest first: 2 statements whatever the page size. */
    @Transactional
    public TimelinePage timeline(long customerId, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int from = Math.max(0, page) * limit;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select * from (" + TIMELINE + ") t order by t.at desc, t.ref desc")
                .setParameter("id", customerId).setFirstResult(from).setMaxResults(limit).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from (" + TIMELINE + ") t")
                .setParameter("id", customerId).getSingleResult()).longValue();
        List<TimelineEntry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new TimelineEntry((String) r[0], instant(r[1]), r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                    (String) r[10]));
        }
        return new TimelinePage(entries, Math.max(0, page), limit, total);
    }

    /**
     * Customers whose name, email, CRM id or handle (current or past, or the one the CRM names) contains {@code query}, case-insensitive,
     * by name: 2 statements. On PostgreSQL the trigram indexes of V31 serve every branch of the search.
     */
    @Transactional
    public List<Hit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String pattern = "%" + query.trim().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (pattern.startsWith("%@")) {
            pattern = "%" + pattern.substring(2);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SEARCH).setParameter("p", pattern)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE))).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, List<String>> handles = new HashMap<>();
        em.createQuery("select i.customer.id, i.handle from SocialIdentity i where i.customer.id in :ids order by i.id",
                Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> handles.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            return new Hit(id, (String) r[1], (String) r[2], (String) r[3], new LoyaltyTier((String) r[4]),
                    handles.getOrDefault(id, List.of()));
        }).toList();
    }

    /** Pinned facts and (for an unlinked author) link suggestions for a conversation page. */
    @Transactional
    public ConversationContext conversationContext(long conversationId) {
        List<?> found = em.createNativeQuery("""
                select i.id, i.customer_id, i.handle from conversation c join social_identity i on i.id = c.identity_id
                where c.id = :id""").setParameter("id", conversationId).getResultList();
        if (found.isEmpty()) {
            throw CustomerActionException.notFound("conversation", conversationId);
        }
        Object[] row = (Object[]) found.get(0);
        long identityId = ((Number) row[0]).longValue();
        Long customerId = row[1] == null ? null : ((Number) row[1]).longValue();
        if (customerId != null) {
            return new ConversationContext(conversationId, identityId, customerId, (String) row[2], facts(customerId), List.of());
        }
        List<LinkSuggestion> pending = links.suggestionsFor(identityId);
        Map<Long, Customer> customers = new HashMap<>();
        if (!pending.isEmpty()) {
            em.createQuery("select c from Customer c where c.id in :ids", Customer.class)
                    .setParameter("ids", pending.stream().map(LinkSuggestion::customerId).toList()).getResultList()
                    .forEach(c -> customers.put(c.id(), c));
        }
        List<Suggestion> suggestions = pending.stream().map(s -> {
            Customer c = customers.get(s.customerId());
            return new Suggestion(s.id(), s.customerId(), c.name(), c.crmId(), s.reason(), s.confidence());
        }).toList();
        return new ConversationContext(conversationId, identityId, null, (String) row[2], List.of(), suggestions);
    }

    private List<Fact> facts(long customerId) {
        return em.createQuery("""
                select f from PinnedFact f where f.customerId = :id and f.unpinnedAt is null order by f.pinnedAt, f.id""",
                PinnedFact.class).setParameter("id", customerId).getResultList().stream()
                .map(f -> new Fact(f.id(), f.label(), f.value(), f.pinnedBy(), f.pinnedAt(), f.messageId())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }

}
