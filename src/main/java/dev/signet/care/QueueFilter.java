package dev.signet.care;

/**
 * What the queue shows: every unresolved conversation unless narrowed.
 *
 * @param accountKey only this brand account, or null
 * @param kind       only public or only DM, or null
 * @param page       0-based page
 * @param size       rows per page (1 to 100)
 */
public record QueueFilter(String accountKey, ConversationKind kind, int page, int size) {

    public static final int MAX_SIZE = 100;

    public QueueFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
