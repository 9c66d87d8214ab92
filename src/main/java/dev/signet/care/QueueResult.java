package dev.signet.care;

import java.util.List;

/** A page of the queue. */
public record QueueResult(List<QueueItem> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
