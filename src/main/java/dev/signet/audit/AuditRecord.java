package dev.signet.audit;

import java.util.Map;

/** One entry to write in a batch ({@link AuditTrail#recordAll}): who, what, to what, with a few details. */
public record AuditRecord(String actor, AuditAction action, AuditTarget target, Map<String, ?> detail) {
}
