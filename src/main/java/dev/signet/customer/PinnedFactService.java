package dev.signet.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;
import dev.signet.notification.MentionService;
import dev.signet.security.AppUser;

/**
 * Pins and unpins the facts a customer already gave, and keeps internal notes (whose @initials mentions notify).
 * Unpinning is audited.
 */
@ApplicationScoped
public class PinnedFactService {

    private final EntityManager em;
    private final ConversationAuthors authors;
    private final CustomerAudit audit;
    private final Clock clock;
    private final MentionService mentions;

    public PinnedFactService(EntityManager em, CustomerAudit audit, Clock clock, MentionService mentions,
            ConversationAuthors authors) {
        this.em = em;
        this.authors = authors;
        this.audit = audit;
        this.clock = clock;
        this.mentions = mentions;
    }

    /** Pins a fact taken from a message; the message's author must be linked to a customer. */
    @Transactional
    public long pin(long messageId, String label, String value, String actor) {
        String cleanLabel = required(label, "label", 80);
        String cleanValue = required(value, "value", 500);
        long identityId = authors.identityOfMessage(messageId)
                .orElseThrow(() -> CustomerActionException.notFound("message", messageId));
        Long customerId = em.createQuery("select c.id from SocialIdentity i left join i.customer c where i.id = :id", Long.class)
                .setParameter("id", identityId).getSingleResult();
        if (customerId == null) {
            throw new CustomerActionException(409, "customer-unknown", "Link the customer first",
                    "This conversation's author is not linked to a customer yet: link them (or confirm a suggestion), then pin.");
        }
        return pinFor(customerId, messageId, cleanLabel, cleanValue, actor);
    }

    /** Pins a fact straight on a customer (no source message): used by the demo data. */
    @Transactional
    public long pinFor(long customerId, Long messageId, String label, String value, String actor) {
        Instant now = clock.instant();
        PinnedFact fact = new PinnedFact(customerId, messageId, label, value, actor, now);
        em.persist(fact);
        audit.record(customerId, AuditAction.FACT_PINNED, null, null, actor,
                "Pinned " + label + ": " + value);
        return fact.id();
    }

    /** Pins a fact on the customer with this CRM id unless one with this label is pinned already (idempotent seeding). */
    @Transactional
    public void pinIfAbsent(String crmId, String label, String value, String actor) {
        List<Customer> customer = em.createQuery("select c from Customer c where c.crmId = :crm", Customer.class)
                .setParameter("crm", crmId).getResultList();
        if (customer.isEmpty()) {
            throw new IllegalStateException("No customer with CRM id " + crmId);
        }
        long pinned = em.createQuery(
                "select count(f) from PinnedFact f where f.customerId = :id and f.label = :label and f.unpinnedAt is null",
                Long.class).setParameter("id", customer.get(0).id()).setParameter("label", label).getSingleResult();
        if (pinned == 0) {
            pinFor(customer.get(0).id(), null, label, value, actor);
        }
    }

    @Transactional
    public void unpin(long factId, String actor, String reason) {
        PinnedFact fact = em.find(PinnedFact.class, factId);
        if (fact == null) {
            throw CustomerActionException.notFound("fact", factId);
        }
        Instant now = clock.instant();
        fact.unpin(actor, now);
        audit.record(fact.customerId(), AuditAction.FACT_UNPINNED, null, null, actor,
                "Unpinned " + fact.label() + ": " + fact.value() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
    }

    /** Adds an internal note on the customer; colleagues it mentions (@initials) are notified, in the same transaction. */
    @Transactional
    public CustomerViews.NoteAdded addNote(long customerId, AppUser author, String text) {
        String clean = required(text, "text", 4000);
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null) {
            throw CustomerActionException.notFound("customer", customerId);
        }
        CustomerNote note = new CustomerNote(customerId, author.id(), clean, clock.instant());
        em.persist(note);
        MentionService.Mentions told = mentions.notifyMentioned(clean, author, "customer " + customer.name(), null,
                customerId);
        return new CustomerViews.NoteAdded(note.id(), told.notified(), told.unmatched());
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new CustomerActionException(400, "missing-" + field, "Missing " + field, "Give a " + field + ".");
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new CustomerActionException(400, field + "-too-long", capital(field) + " too long",
                    "The " + field + " has " + trimmed.length() + " characters; at most " + max + ".");
        }
        return trimmed;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
