package dev.signet.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What one fetch returned: the messages, oldest first, and the cursor to store once they are all stored
 * (null when nothing new was seen, or when the fetch was cut short, so the stored cursor stays).
 *
 * @param cutShort      the fetch stopped before reaching the stored cursor because the rate-limit window was spent:
 *                      older unread messages remain (the account's backlog), read at the next poll
 * @param quarantined   items of the same pages that can't be taken (kept in the quarantine; the cursor moves past
 *                      them)
 * @param usersLookedUp users the connector had to look up for authors X did not expand (billed as user reads)
 * @param gap           the fetch paged to the end of what X serves without meeting the cursor: the mentions in
 *                      between are no longer served by this endpoint (null when there is no such hole)
 */
public record FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort,
        List<QuarantinedItem> quarantined, int usersLookedUp, Gap gap) {

    public FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort,
            List<QuarantinedItem> quarantined, int usersLookedUp) {
        this(messages, cursor, cutShort, quarantined, usersLookedUp, null);
    }

    public FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort, Gap gap) {
        this(messages, cursor, cutShort, List.of(), 0, gap);
    }

    public FetchResult(List<InboundMessage> messages, String cursor) {
        this(messages, cursor, false, List.of(), 0, null);
    }

    public FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort) {
        this(messages, cursor, cutShort, List.of(), 0, null);
    }

    /**
     * Mentions X no longer serves on the timeline: every id strictly between {@code afterId} (the cursor the fetch
     * started from) and {@code beforeId} (the oldest id it could still read), created from {@code from} to
     * {@code to} (the snowflakes' times).
     */
    /** The ids of everything X returned and bills: the messages and the quarantined items (null when one has none). */
    public List<String> billedIds() {
        List<String> ids = new ArrayList<>(messages.size() + quarantined().size());
        messages.forEach(message -> ids.add(message.externalId()));
        quarantined().forEach(item -> ids.add(item.externalId()));
        return ids;
    }

    public record Gap(String afterId, String beforeId, Instant from, Instant to) {
    }

    /**
     * The gap a mentions fetch leaves, if any: it read to the end of what X serves (no further page) while the
     * oldest id read is still above {@code sinceId + 1}, and a {@code sinceId} was given.
     *
     * @param reachedEnd X offered no further page (not a fetch cut short by the budget)
     * @param idTime     the creation time inside an X id
     */
    public static Gap gapOf(String sinceId, Long oldestRead, boolean reachedEnd,
            LongFunction<Instant> idTime) {
        if (sinceId == null || oldestRead == null || !reachedEnd) {
            return null;
        }
        long since = Long.parseLong(sinceId);
        if (oldestRead <= since + 1) {
            return null;
        }
        return new Gap(sinceId, Long.toString(oldestRead), idTime.apply(since + 1), idTime.apply(oldestRead));
    }
}
