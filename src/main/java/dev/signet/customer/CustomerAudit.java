package dev.signet.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditRecord;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.customer.CustomerViews.AuditEntry;

/**
 * A customer's changes (link, unlink, merge, undo, pin, unpin) in the one audit log, {@link AuditTrail}: the target
 * is the customer, the detail names the identity or the other customer and says why. The customer's page reads them
 * back from there.
 */
@ApplicationScoped
class CustomerAudit {

    private final AuditTrail audit;

    CustomerAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void record(long customerId, AuditAction action, Long identityId, Long otherCustomerId, String actor, String reason) {
        audit.record(actor, action, AuditTarget.of(AuditTarget.CUSTOMER, customerId), detail(identityId, otherCustomerId, reason));
    }

    /** For the CRM import's bulk links: one batch. */
    static AuditRecord entry(long customerId, AuditAction action, Long identityId, Long otherCustomerId, String actor,
            String reason) {
        return new AuditRecord(actor, action, AuditTarget.of(AuditTarget.CUSTOMER, customerId),
                detail(identityId, otherCustomerId, reason));
    }

    void recordAll(List<AuditRecord> entries) {
        audit.recordAll(entries);
    }

    List<AuditEntry> of(long customerId, int limit) {
        return audit.about(AuditTarget.of(AuditTarget.CUSTOMER, customerId), limit).stream()
                .map(v -> new AuditEntry(v.at(), v.action().name(), v.actor(), v.detail("reason"), longOf(v.detail("identityId")),
                        longOf(v.detail("otherCustomerId"))))
                .toList();
    }

    private static Map<String, Object> detail(Long identityId, Long otherCustomerId, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("identityId", identityId);
        detail.put("otherCustomerId", otherCustomerId);
        detail.put("reason", reason);
        return detail;
    }

    private static Long longOf(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
