package dev.signet.audit;

import java.util.List;

/** One page of audit entries, newest first; {@code hasMore} when a next page exists. */
public record AuditList(List<AuditView> entries, int page, int size, boolean hasMore) {
}
