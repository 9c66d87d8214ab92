package dev.signet.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;

/**
 * Merges two customers who turn out to be one person, and undoes a merge: the merge moves the source's
 * identities (and so their conversations), pinned facts and internal notes to the target, which takes over the
 * source's notes and tags; it records all of it, so that undo puts back both customers exactly. Audited.
 */
@ApplicationScoped
public class CustomerMergeService {

    private final EntityManager em;
    private final IdentityLinkService links;
    private final CustomerAudit audit;
    private final Clock clock;

    public CustomerMergeService(EntityManager em, IdentityLinkService links, CustomerAudit audit, Clock clock) {
        this.em = em;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** Merges {@code sourceId} into {@code targetId}; returns the merge's id (for undo). */
    @Transactional
    public long merge(long sourceId, long targetId, String actor, String reason) {
        if (sourceId == targetId) {
            throw new CustomerActionException(400, "merge-into-itself", "Same customer",
                    "A customer can't be merged into itself.");
        }
        Customer source = links.activeCustomer(sourceId);
        Customer target = links.activeCustomer(targetId);
        Instant now = clock.instant();
        List<SocialIdentity> identities = em.createQuery("select i from SocialIdentity i where i.customer.id = :id",
                SocialIdentity.class).setParameter("id", sourceId).getResultList();
        List<PinnedFact> facts = em.createQuery("select f from PinnedFact f where f.customerId = :id", PinnedFact.class)
                .setParameter("id", sourceId).getResultList();
        List<CustomerNote> notes = em.createQuery("select n from CustomerNote n where n.customerId = :id", CustomerNote.class)
                .setParameter("id", sourceId).getResultList();
        CustomerMerge merge = new CustomerMerge(source, target, identities.stream().map(SocialIdentity::id).toList(),
                facts.stream().map(PinnedFact::id).toList(), notes.stream().map(CustomerNote::id).toList(), reason, actor, now);
        em.persist(merge);
        identities.forEach(i -> i.moveTo(target));
        facts.forEach(f -> f.moveTo(targetId));
        notes.forEach(n -> n.moveTo(targetId));
        target.absorbNotesAndTags(source, now);
        source.mergedInto(target, now);
        String why = reason == null || reason.isBlank() ? "Merged" : reason;
        audit.record(targetId, AuditAction.MERGED, null, sourceId, actor,
                "Took over customer " + sourceId + " (" + identities.size() + " identities): " + why);
        audit.record(sourceId, AuditAction.MERGED, null, targetId, actor,
                "Merged into customer " + targetId + ": " + why);
        return merge.id();
    }

    /** Puts both customers back as they were before the merge. */
    @Transactional
    public void undo(long mergeId, String actor, String reason) {
        CustomerMerge merge = em.find(CustomerMerge.class, mergeId);
        if (merge == null) {
            throw CustomerActionException.notFound("merge", mergeId);
        }
        Customer source = em.find(Customer.class, merge.sourceCustomerId());
        Customer target = em.find(Customer.class, merge.targetCustomerId());
        if (!merge.undone() && (target.merged() || !target.id().equals(source.mergedIntoId()))) {
            throw new CustomerActionException(409, "merge-not-undoable", "Undo the later merge first",
                    "Customer " + target.id() + " was merged again since; undo that merge first.");
        }
        Instant now = clock.instant();
        merge.undone(actor, now);
        for (Long id : merge.movedIdentityIds()) {
            SocialIdentity identity = em.find(SocialIdentity.class, id);
            // Only what still sits with the target goes back; a later unlink or relink by an agent stands.
            if (identity.customer() != null && identity.customer().id().equals(target.id())) {
                identity.moveTo(source);
            }
        }
        for (Long id : merge.movedFactIds()) {
            em.find(PinnedFact.class, id).moveTo(source.id());
        }
        for (Long id : merge.movedNoteIds()) {
            em.find(CustomerNote.class, id).moveTo(source.id());
        }
        target.restoreNotesAndTags(merge.targetNotesBefore(), merge.targetTagsBefore(), now);
        source.unmerged(now);
        String why = reason == null || reason.isBlank() ? "Merge undone" : reason;
        audit.record(target.id(), AuditAction.MERGE_UNDONE, null, source.id(), actor,
                "Gave back customer " + source.id() + ": " + why);
        audit.record(source.id(), AuditAction.MERGE_UNDONE, null, target.id(), actor,
                "Split from customer " + target.id() + ": " + why);
    }
}
