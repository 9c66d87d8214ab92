package dev.signet.customer;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A known customer: one profile across mentions, DMs and CRM data. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "crm_id")
    private String crmId;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "loyalty_tier", nullable = false)
    private LoyaltyTier loyaltyTier;

    private String notes;

    @Column(name = "lifetime_value", nullable = false)
    private BigDecimal lifetimeValue = BigDecimal.ZERO;

    /** Tags, comma-separated, as the CRM gives them. */
    private String tags;

    /** The X user id the CRM names: identities with this id link automatically. */
    @Column(name = "x_user_id")
    private String xUserId;

    /** The X handle the CRM names: links automatically only while no user id is known and the handle is unique. */
    @Column(name = "x_handle")
    private String xHandle;

    /** Set while this customer is merged into another (undo clears it). */
    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Customer() {
    }

    public Customer(String crmId, String name, String email, LoyaltyTier loyaltyTier, String notes, Instant now) {
        this.crmId = crmId;
        this.name = name;
        this.email = email;
        this.loyaltyTier = loyaltyTier;
        this.notes = notes;
        this.createdAt = now;
    }

    /** Applies the CRM's current values (the CRM is the source of truth for these fields). */
    public void updateFromCrm(String name, String email, LoyaltyTier loyaltyTier, String notes) {
        this.name = name;
        this.email = email;
        this.loyaltyTier = loyaltyTier;
        this.notes = notes;
    }

    /** Merged into {@code target}: hidden from search, its identities and facts now belong to the target. */
    void mergedInto(Customer target, Instant now) {
        if (target.id.equals(id)) {
            throw new IllegalArgumentException("A customer can't be merged into itself");
        }
        this.mergedIntoId = target.id;
        this.updatedAt = now;
    }

    /** The merge was undone: the customer stands on its own again. */
    void unmerged(Instant now) {
        this.mergedIntoId = null;
        this.updatedAt = now;
    }

    /** Takes over the notes and tags of a customer merged into this one. */
    void absorbNotesAndTags(Customer source, Instant now) {
        if (source.notes != null && !source.notes.isBlank()) {
            String joined = notes == null || notes.isBlank() ? source.notes : notes + "\n" + source.notes;
            this.notes = joined.length() > 4000 ? joined.substring(0, 4000) : joined;
        }
        this.tags = Tags.union(tags, source.tags);
        this.updatedAt = now;
    }

    /** Puts back notes and tags as they were before a merge. */
    void restoreNotesAndTags(String notes, String tags, Instant now) {
        this.notes = notes;
        this.tags = tags;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String crmId() {
        return crmId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public LoyaltyTier loyaltyTier() {
        return loyaltyTier;
    }

    public String notes() {
        return notes;
    }

    public BigDecimal lifetimeValue() {
        return lifetimeValue;
    }

    public String tags() {
        return tags;
    }

    public String xUserId() {
        return xUserId;
    }

    public String xHandle() {
        return xHandle;
    }

    public Long mergedIntoId() {
        return mergedIntoId;
    }

    public boolean merged() {
        return mergedIntoId != null;
    }
}
