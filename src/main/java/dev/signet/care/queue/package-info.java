/**
 * The live queue: the queue's filter and page ({@code QueueFilter}, {@code QueueItem}, {@code QueueResult}) and
 * the server-sent event stream that tells open queue pages a {@code care.QueueChanged} happened, after the
 * transaction that made it commits. Owns no table.
 * <p>
 * Offers the records above (read by {@code care.ConversationQueryService#queue} and the queue page) and
 * {@code GET /api/queue/events}.
 */
package dev.signet.care.queue;
