package dev.signet.care.queue;

import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationStatus;

/**
 * What the queue shows: every unresolved conversation unless narrowed.
 *
 * @param accountKey only this brand account, or null
 * @param kind       only public or only DM, or null
 * @param status     only this status (RESOLVED lists recently resolved ones), or null for every open status
 * @param escalated  only escalated (true) or only not escalated (false), or null
 * @param holder     everyone's, only the viewer's ({@code MINE}: held by them, or offered to them by continuity
 *                   routing while nobody holds it) or only those nobody holds ({@code UNASSIGNED})
 * @param viewerId   the user asking (for {@code MINE}), or null
 * @param page       0-based page
 * @param size       rows per page (1 to 100)
 * @param breachingSoon only those whose next service-level target falls due soon or was breached
 */
public record QueueFilter(String accountKey, ConversationKind kind, ConversationStatus status, Boolean escalated,
        Holder holder, Long viewerId, int page, int size, boolean breachingSoon) {

    /** Whatever the service levels. */
    public QueueFilter(String accountKey, ConversationKind kind, ConversationStatus status, Boolean escalated,
            Holder holder, Long viewerId, int page, int size) {
        this(accountKey, kind, status, escalated, holder, viewerId, page, size, false);
    }

    public static final int MAX_SIZE = 100;
    /** The last page anyone can ask for: far past any real queue, and page × size stays well inside an int. */
    public static final int MAX_PAGE = 100_000;

    /** Whose conversations. */
    public enum Holder {
        ANY, MINE, UNASSIGNED
    }

    public QueueFilter {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        holder = holder == null ? Holder.ANY : holder;
        if (holder == Holder.MINE && viewerId == null) {
            throw new IllegalArgumentException("MINE needs the viewer");
        }
    }

    /** Every open conversation of an account and kind (either may be null). */
    public QueueFilter(String accountKey, ConversationKind kind, int page, int size) {
        this(accountKey, kind, null, null, Holder.ANY, null, page, size);
    }
}
