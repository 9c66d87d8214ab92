package dev.signet.live;

/**
 * The listening connection was lost and is listening again (CDI event). {@code NOTIFY} is not durable: what the
 * other replicas sent meanwhile is gone, so every live stream should tell its pages to refetch.
 *
 * @param missedForMillis how long this replica was not listening
 */
public record LiveResync(long missedForMillis) {
}
