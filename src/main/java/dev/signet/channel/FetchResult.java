package dev.signet.channel;

import java.util.List;

/**
 * What one fetch returned: the messages, oldest first, and the cursor to store once they are all stored
 * (null when nothing new was seen, so the stored cursor stays).
 */
public record FetchResult(List<InboundMessage> messages, String cursor) {
}
