package dev.signet.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "loyalty_tier", nullable = false)
    private LoyaltyTier loyaltyTier;

    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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
}
