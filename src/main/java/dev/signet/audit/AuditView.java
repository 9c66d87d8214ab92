package dev.signet.audit;

import java.time.Instant;
import java.util.Map;

/** An audit entry as pages, the API and the CSV show it. */
public record AuditView(long id, Instant at, String actor, AuditAction action, String targetType, String targetId,
        Map<String, Object> detail, String remoteAddress) {

    /** A detail's value as text, or null. */
    public String detail(String key) {
        Object value = detail.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
