package dev.signet.customer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTrail;

/**
 * Links X identities to customers: automatically only by an exact rule (the CRM names the user id; or the
 * handle, while the CRM knows no user id and only one customer names that handle), by an agent's hand, or by an
 * agent confirming a suggestion (same name, handle like the email). Every link and unlink is audited.
 */
@ApplicationScoped
public class IdentityLinkService {

    private final EntityManager em;
    private final CustomerAudit audit;
    private final Clock clock;

    public IdentityLinkService(EntityManager em, CustomerAudit audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Intake's hook for identities it has just recorded (in its transaction): links those the CRM names. Two
     * queries whatever the number of identities, none when there are none. The handle rule links a customer only
     * while no identity is linked to them: once someone was linked by the handle and later renamed, a newcomer
     * who takes over the handle (another user id) is not linked.
     */
    public void linkNewIdentities(Collection<SocialIdentity> identities, Instant now) {
        if (identities.isEmpty()) {
            return;
        }
        Map<String, Customer> byUserId = new HashMap<>();
        em.createQuery("select c from Customer c where c.xUserId in :ids and c.mergedIntoId is null", Customer.class)
                .setParameter("ids", identities.stream().map(SocialIdentity::externalUserId).toList())
                .getResultList().forEach(c -> byUserId.put(c.xUserId(), c));
        Map<String, List<Customer>> byHandle = new HashMap<>();
        em.createQuery("""
                select c from Customer c where lower(c.xHandle) in :handles and c.xUserId is null and c.mergedIntoId is null
                and not exists (select i from SocialIdentity i where i.customer = c)""",
                Customer.class)
                .setParameter("handles", identities.stream().map(i -> i.handle().toLowerCase(Locale.ROOT)).toList())
                .getResultList()
                .forEach(c -> byHandle.computeIfAbsent(c.xHandle().toLowerCase(Locale.ROOT), h -> new ArrayList<>()).add(c));
        for (SocialIdentity identity : identities) {
            if (identity.customer() != null) {
                continue;
            }
            Customer byId = byUserId.get(identity.externalUserId());
            List<Customer> handleMatches = byHandle.getOrDefault(identity.handle().toLowerCase(Locale.ROOT), List.of());
            if (byId != null) {
                link(identity, byId, LinkRule.CRM_USER_ID, AuditTrail.SYSTEM,
                        "CRM record " + byId.crmId() + " names X user id " + identity.externalUserId(), now);
            } else if (handleMatches.size() == 1) {
                Customer customer = handleMatches.get(0);
                link(identity, customer, LinkRule.CRM_HANDLE, AuditTrail.SYSTEM, "CRM record " + customer.crmId()
                        + " names handle @" + customer.xHandle() + " (no user id; handle unique)", now);
            }
        }
    }

    /** An agent links an identity by hand (e.g. after a DM confirmed the booking). */
    @Transactional
    public void link(long identityId, long customerId, String actor, String reason) {
        SocialIdentity identity = identity(identityId);
        Customer customer = activeCustomer(customerId);
        if (identity.customer() != null && identity.customer().id().equals(customerId)) {
            throw new CustomerActionException(409, "already-linked", "Already linked",
                    "@" + identity.handle() + " is already linked to " + customer.name() + ".");
        }
        Instant now = clock.instant();
        if (identity.customer() != null) {
            unlink(identity, actor, "Relinked to customer " + customerId + (reason == null ? "" : ": " + reason), now);
        }
        link(identity, customer, LinkRule.AGENT, actor, reason == null || reason.isBlank() ? "Linked by hand" : reason, now);
    }

    /** Takes an identity off its customer; its conversations show the bare handle again. */
    @Transactional
    public void unlink(long identityId, String actor, String reason) {
        SocialIdentity identity = identity(identityId);
        if (identity.customer() == null) {
            throw new CustomerActionException(409, "not-linked", "Not linked",
                    "@" + identity.handle() + " is not linked to a customer.");
        }
        unlink(identity, actor, reason == null || reason.isBlank() ? "Unlinked by hand" : reason, clock.instant());
    }

    /**
     * The pending suggestions for an unlinked identity, finding new candidates first: customers with the same name
     * as the X display name, customers whose email's local part is like the handle, and customers whose CRM record
     * names this handle with another user id (a handle reused by someone else). Rejected ones never come back.
     */
    @Transactional
    public List<LinkSuggestion> suggestionsFor(long identityId) {
        SocialIdentity identity = identity(identityId);
        if (identity.customer() != null) {
            return List.of();
        }
        Map<Long, LinkSuggestion> known = new HashMap<>();
        em.createQuery("select s from LinkSuggestion s where s.identityId = :id", LinkSuggestion.class)
                .setParameter("id", identityId).getResultList().forEach(s -> known.put(s.customerId(), s));
        String handle = identity.handle().toLowerCase(Locale.ROOT);
        String name = identity.displayName() == null ? "" : identity.displayName().trim().toLowerCase(Locale.ROOT);
        List<String> emailPatterns = new ArrayList<>();
        for (String local : localPartsLike(handle)) {
            emailPatterns.add(local + "@%");
        }
        List<Customer> candidates = em.createQuery("""
                select c from Customer c where c.mergedIntoId is null and (lower(c.name) = :name
                or lower(c.email) like :e1 or lower(c.email) like :e2 or lower(c.email) like :e3
                or lower(c.xHandle) = :handle)""", Customer.class)
                .setParameter("name", name)
                .setParameter("e1", emailPatterns.get(0))
                .setParameter("e2", emailPatterns.get(Math.min(1, emailPatterns.size() - 1)))
                .setParameter("e3", emailPatterns.get(emailPatterns.size() - 1))
                .setParameter("handle", handle)
                .setMaxResults(20).getResultList();
        Instant now = clock.instant();
        List<LinkSuggestion> pending = new ArrayList<>();
        for (Customer c : candidates) {
            LinkSuggestion existing = known.get(c.id());
            if (existing != null) {
                if (existing.status() == SuggestionStatus.PENDING) {
                    pending.add(existing);
                }
                continue;
            }
            LinkSuggestion suggestion = suggestion(identity, c, handle, name, now);
            em.persist(suggestion);
            pending.add(suggestion);
        }
        pending.sort((a, b) -> b.confidence().compareTo(a.confidence()));
        return pending;
    }

    private static LinkSuggestion suggestion(SocialIdentity identity, Customer c, String handle, String name, Instant now) {
        List<String> reasons = new ArrayList<>();
        double confidence = 0;
        if (c.xHandle() != null && c.xHandle().equalsIgnoreCase(handle)) {
            reasons.add("the CRM names @" + c.xHandle() + " but with X user id " + c.xUserId() + ", not "
                    + identity.externalUserId() + " (a handle reused by someone else?)");
            confidence = Math.max(confidence, 0.3);
        }
        if (!name.isEmpty() && c.name().trim().equalsIgnoreCase(name)) {
            reasons.add("same name as the X display name");
            confidence = Math.max(confidence, 0.6);
        }
        if (c.email() != null && localPartsLike(handle).contains(c.email().toLowerCase(Locale.ROOT).split("@")[0])) {
            reasons.add("handle @" + identity.handle() + " is like the email " + c.email());
            confidence = confidence > 0.5 ? 0.85 : Math.max(confidence, 0.7);
        }
        return new LinkSuggestion(identity.id(), c.id(), capitalise(String.join("; ", reasons)),
                BigDecimal.valueOf(confidence).setScale(2, java.math.RoundingMode.HALF_UP), now);
    }

    /** Local parts an email of the handle's owner might have: maria_garcia88 → maria_garcia88, maria.garcia88, maria.garcia. */
    static List<String> localPartsLike(String handle) {
        Set<String> parts = new LinkedHashSet<>();
        parts.add(handle);
        parts.add(handle.replace('_', '.'));
        parts.add(handle.replace('_', '.').replaceAll("[0-9]+$", "").replaceAll("[._]+$", ""));
        return new ArrayList<>(parts);
    }

    @Transactional
    public void confirm(long suggestionId, String actor) {
        LinkSuggestion suggestion = suggestion(suggestionId);
        Instant now = clock.instant();
        suggestion.decide(SuggestionStatus.CONFIRMED, actor, now);
        SocialIdentity identity = identity(suggestion.identityId());
        Customer customer = activeCustomer(suggestion.customerId());
        if (identity.customer() != null) {
            unlink(identity, actor, "Relinked by a confirmed suggestion", now);
        }
        link(identity, customer, LinkRule.AGENT, actor, "Confirmed suggestion: " + suggestion.reason(), now);
        em.createQuery("select s from LinkSuggestion s where s.identityId = :id and s.status = :pending", LinkSuggestion.class)
                .setParameter("id", identity.id()).setParameter("pending", SuggestionStatus.PENDING).getResultList()
                .forEach(other -> other.decide(SuggestionStatus.SUPERSEDED, actor, now));
    }

    @Transactional
    public void reject(long suggestionId, String actor) {
        LinkSuggestion suggestion = suggestion(suggestionId);
        Instant now = clock.instant();
        suggestion.decide(SuggestionStatus.REJECTED, actor, now);
        audit.record(suggestion.customerId(), AuditAction.SUGGESTION_REJECTED, suggestion.identityId(),
                null, actor, "Rejected suggestion: " + suggestion.reason());
    }

    private void link(SocialIdentity identity, Customer customer, LinkRule rule, String actor, String reason, Instant now) {
        identity.linkTo(customer, rule, now);
        audit.record(customer.id(), AuditAction.LINKED, identity.id(), null, actor, reason);
    }

    private void unlink(SocialIdentity identity, String actor, String reason, Instant now) {
        long customerId = identity.customer().id();
        identity.unlink();
        audit.record(customerId, AuditAction.UNLINKED, identity.id(), null, actor, reason);
    }

    private SocialIdentity identity(long id) {
        SocialIdentity identity = em.find(SocialIdentity.class, id);
        if (identity == null) {
            throw CustomerActionException.notFound("identity", id);
        }
        return identity;
    }

    private LinkSuggestion suggestion(long id) {
        LinkSuggestion suggestion = em.find(LinkSuggestion.class, id);
        if (suggestion == null) {
            throw CustomerActionException.notFound("suggestion", id);
        }
        return suggestion;
    }

    Customer activeCustomer(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw CustomerActionException.notFound("customer", id);
        }
        if (customer.merged()) {
            throw new CustomerActionException(409, "customer-merged", "Customer merged",
                    customer.name() + " was merged into customer " + customer.mergedIntoId() + "; use that one.");
        }
        return customer;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
