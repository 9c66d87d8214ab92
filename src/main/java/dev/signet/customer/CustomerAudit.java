package dev.signet.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited change of a customer: link, unlink, merge, undo, pin, unpin. Written once, never changed. */
@Entity
@Table(name = "customer_audit")
public class CustomerAudit {

    /** The actor of changes made by an exact rule rather than a person. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "identity_id")
    private Long identityId;

    @Column(name = "other_customer_id")
    private Long otherCustomerId;

    @Column(nullable = false)
    private String actor;

    private String reason;

    @Column(nullable = false)
    private Instant at;

    protected CustomerAudit() {
    }

    public CustomerAudit(long customerId, AuditAction action, Long identityId, Long otherCustomerId, String actor,
            String reason, Instant at) {
        this.customerId = customerId;
        this.action = action;
        this.identityId = identityId;
        this.otherCustomerId = otherCustomerId;
        this.actor = actor;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Long customerId() {
        return customerId;
    }

    public AuditAction action() {
        return action;
    }

    public Long identityId() {
        return identityId;
    }

    public Long otherCustomerId() {
        return otherCustomerId;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
