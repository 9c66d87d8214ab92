package dev.signet.customer;

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
    private final CustomerTimeline timeline;
    private final ConversationAuthors authors;
    private final CustomerAudit customerAudit;

    public CustomerQueryService(EntityManager em, IdentityLinkService links, CustomerTimeline timeline,
            ConversationAuthors authors, CustomerAudit customerAudit) {
        this.em = em;
        this.customerAudit = customerAudit;
        this.links = links;
        this.timeline = timeline;
        this.authors = authors;
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
        List<AuditEntry> audit = customerAudit.of(customerId, AUDIT_SHOWN);
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

    /**
     * One page of the customer's timeline, newest first ({@link CustomerTimeline}): the same number of statements
     * whatever the page size.
     */
    public TimelinePage timeline(long customerId, int page, int size) {
        return timeline.page(customerId, Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE)));
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
        long identityId = authors.identityOfConversation(conversationId)
                .orElseThrow(() -> CustomerActionException.notFound("conversation", conversationId));
        Object[] row = em.createQuery(
                "select c.id, i.handle from SocialIdentity i left join i.customer c where i.id = :id", Object[].class)
                .setParameter("id", identityId).getSingleResult();
        Long customerId = (Long) row[0];
        if (customerId != null) {
            return new ConversationContext(conversationId, identityId, customerId, (String) row[1], facts(customerId), List.of());
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
        return new ConversationContext(conversationId, identityId, null, (String) row[1], List.of(), suggestions);
    }

    private List<Fact> facts(long customerId) {
        return em.createQuery("""
                select f from PinnedFact f where f.customerId = :id and f.unpinnedAt is null order by f.pinnedAt, f.id""",
                PinnedFact.class).setParameter("id", customerId).getResultList().stream()
                .map(f -> new Fact(f.id(), f.label(), f.value(), f.pinnedBy(), f.pinnedAt(), f.messageId())).toList();
    }

}
