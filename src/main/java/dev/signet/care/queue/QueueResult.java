package dev.signet.care.queue;

import java.util.List;

import dev.signet.care.ConversationQueryService;

/**
 * A page of the queue.
 *
 * @param total       how many conversations match, counted up to {@link ConversationQueryService#COUNT_CAP}
 * @param totalCapped true when there are more than {@code total} (the page shows "1000+")
 */
public record QueueResult(List<QueueItem> items, int page, int size, long total, boolean totalCapped, boolean hasNext) {
}
