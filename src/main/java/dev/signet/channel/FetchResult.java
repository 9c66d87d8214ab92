package dev.signet.channel;

import java.util.List;

/**
 * What one fetch returned: the messages, oldest first, and the cursor to store once they are all stored
 * (null when nothing new was seen, or when the fetch was cut short, so the stored cursor stays).
 *
 * @param cutShort the fetch stopped before reaching the stored cursor because the rate-limit window was spent:
 *                 older unread messages remain (the account's backlog), read at the next poll
 */
public record FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort) {

    public FetchResult(List<InboundMessage> messages, String cursor) {
        this(messages, cursor, false);
    }
}
