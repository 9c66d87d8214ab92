package dev.signet.customer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A merge of one customer into another, with everything it moved, so that undo restores both exactly. */
@Entity
@Table(name = "customer_merge")
public class CustomerMerge {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "source_customer_id", nullable = false)
    private Long sourceCustomerId;

    @Column(name = "target_customer_id", nullable = false)
    private Long targetCustomerId;

    @Column(name = "moved_identity_ids", nullable = false)
    private String movedIdentityIds;

    @Column(name = "moved_fact_ids", nullable = false)
    private String movedFactIds;

    @Column(name = "moved_note_ids", nullable = false)
    private String movedNoteIds;

    @Column(name = "target_notes_before")
    private String targetNotesBefore;

    @Column(name = "target_tags_before")
    private String targetTagsBefore;

    private String reason;

    @Column(name = "merged_by", nullable = false)
    private String mergedBy;

    @Column(name = "merged_at", nullable = false)
    private Instant mergedAt;

    @Column(name = "undone_by")
    private String undoneBy;

    @Column(name = "undone_at")
    private Instant undoneAt;

    protected CustomerMerge() {
    }

    CustomerMerge(Customer source, Customer target, Collection<Long> identityIds, Collection<Long> factIds,
            Collection<Long> noteIds, String reason, String actor, Instant now) {
        this.sourceCustomerId = source.id();
        this.targetCustomerId = target.id();
        this.movedIdentityIds = join(identityIds);
        this.movedFactIds = join(factIds);
        this.movedNoteIds = join(noteIds);
        this.targetNotesBefore = target.notes();
        this.targetTagsBefore = target.tags();
        this.reason = reason;
        this.mergedBy = actor;
        this.mergedAt = now;
    }

    void undone(String actor, Instant now) {
        if (undoneAt != null) {
            throw new CustomerActionException(409, "merge-already-undone", "Merge already undone",
                    "This merge was undone by " + undoneBy + ".");
        }
        this.undoneBy = actor;
        this.undoneAt = now;
    }

    private static String join(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    public Long id() {
        return id;
    }

    public Long sourceCustomerId() {
        return sourceCustomerId;
    }

    public Long targetCustomerId() {
        return targetCustomerId;
    }

    List<Long> movedIdentityIds() {
        return split(movedIdentityIds);
    }

    List<Long> movedFactIds() {
        return split(movedFactIds);
    }

    List<Long> movedNoteIds() {
        return split(movedNoteIds);
    }

    String targetNotesBefore() {
        return targetNotesBefore;
    }

    String targetTagsBefore() {
        return targetTagsBefore;
    }

    public String reason() {
        return reason;
    }

    public String mergedBy() {
        return mergedBy;
    }

    public Instant mergedAt() {
        return mergedAt;
    }

    public boolean undone() {
        return undoneAt != null;
    }
}
