/**
 * The audit log: who did what, to what, when and from where — logins and failed logins, role and initials changes,
 * customer links, merges and their undo, replies published, hand-offs, goodwill decisions, exports, sentiment model
 * activations and rollbacks, SLA policy changes. One append-only table ({@code audit_entry}; on PostgreSQL a trigger
 * refuses UPDATE, DELETE and TRUNCATE). Other packages write it only through {@link dev.signet.audit.AuditTrail},
 * in the transaction of the action they audit; admins read it on {@code /admin/audit} and {@code GET /api/audit}.
 * <p>
 * It sits below {@code security} (which records logins and user changes through it), so it does not import
 * {@code security.Role}: its API names the admin role as the string {@code "admin"}.
 */
package dev.signet.audit;
