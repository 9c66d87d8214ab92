/**
 * Everything that leaves for X: the signature and length rules ({@code Signature}, {@code ReplyLength},
 * {@code MentionRule}), the outbox and its publisher (exactly once on X: {@code outbox_entry}, {@code ReplyPublisher}),
 * the replies API with {@code Idempotency-Key}, hand-offs, scheduled updates and canned replies ({@code canned_reply},
 * {@code canned_reply_audit}).
 */
package dev.signet.reply;
