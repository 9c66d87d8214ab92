package dev.signet.customer;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A possible link no exact rule decides (same name, handle like the email): an agent confirms or rejects it. */
@Entity
@Table(name = "link_suggestion")
public class LinkSuggestion {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "identity_id", nullable = false)
    private Long identityId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private BigDecimal confidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SuggestionStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected LinkSuggestion() {
    }

    LinkSuggestion(long identityId, long customerId, String reason, BigDecimal confidence, Instant now) {
        this.identityId = identityId;
        this.customerId = customerId;
        this.reason = reason;
        this.confidence = confidence;
        this.status = SuggestionStatus.PENDING;
        this.createdAt = now;
    }

    void decide(SuggestionStatus decision, String actor, Instant now) {
        if (status != SuggestionStatus.PENDING) {
            throw new CustomerActionException(409, "suggestion-decided", "Suggestion already decided",
                    "This suggestion is " + status.name().toLowerCase() + (decidedBy == null ? "" : " by " + decidedBy) + ".");
        }
        this.status = decision;
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    public Long id() {
        return id;
    }

    public Long identityId() {
        return identityId;
    }

    public Long customerId() {
        return customerId;
    }

    public String reason() {
        return reason;
    }

    public BigDecimal confidence() {
        return confidence;
    }

    public SuggestionStatus status() {
        return status;
    }
}
