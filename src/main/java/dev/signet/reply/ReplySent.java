package dev.signet.reply;

/**
 * The answer to a reply request.
 *
 * @param view     the reply, with its delivery so far
 * @param replayed true when the request repeated an earlier one with the same Idempotency-Key: this is the reply
 *                 stored then, nothing new was stored or published
 */
record ReplySent(ReplyView view, boolean replayed) {
}
