package dev.signet.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One audited action. Written once, never changed (no setters; PostgreSQL refuses UPDATE and DELETE). */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "target_type", nullable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false)
    private String targetId;

    private String detail;

    @Column(name = "remote_address")
    private String remoteAddress;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, AuditAction action, AuditTarget target, String detail, String remoteAddress) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.targetType = target.type();
        this.targetId = target.id();
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    Long id() {
        return id;
    }

    Instant at() {
        return at;
    }

    String actor() {
        return actor;
    }

    AuditAction action() {
        return action;
    }

    String targetType() {
        return targetType;
    }

    String targetId() {
        return targetId;
    }

    String detail() {
        return detail;
    }

    String remoteAddress() {
        return remoteAddress;
    }
}
