package dev.signet.audit;

/** What an audit entry records; stored by name, so a constant is never renamed, only added. */
public enum AuditAction {
    /** A form login that succeeded (HTTP Basic calls are not logins one by one: only their failures are kept). */
    LOGIN,
    /** A user name and password that did not match, on the form or over HTTP Basic (never the password). */
    LOGIN_FAILED,
    /** A team member added by an admin. */
    USER_CREATED,
    ROLE_CHANGED,
    INITIALS_CHANGED,
    /** An identity linked to a customer (by a person, the CRM or an exact rule). */
    LINKED,
    UNLINKED,
    SUGGESTION_REJECTED,
    MERGED,
    MERGE_UNDONE,
    FACT_PINNED,
    FACT_UNPINNED,
    /** X accepted a reply: who wrote it, on which conversation (never its text). */
    REPLY_PUBLISHED,
    HANDED_OFF,
    GOODWILL_APPROVED,
    GOODWILL_DECLINED,
    /** Data left Signet as a file: insights, customers, SLA figures, the audit itself. */
    EXPORTED,
    SENTIMENT_MODEL_ACTIVATED,
    SENTIMENT_MODEL_ROLLED_BACK,
    SLA_POLICY_CREATED,
    SLA_POLICY_CHANGED,
    SLA_POLICY_DELETED
}
