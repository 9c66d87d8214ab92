package dev.signet.customer;

/** What happened to a customer's identity or profile; every entry says who did it, when and why. */
public enum AuditAction {
    LINKED, UNLINKED, SUGGESTION_REJECTED, MERGED, MERGE_UNDONE, FACT_PINNED, FACT_UNPINNED
}
