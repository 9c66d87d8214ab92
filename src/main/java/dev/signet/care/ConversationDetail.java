package dev.signet.care;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with a page of its messages (oldest first).
 *
 * @param offset index of the first message of this page in the whole thread
 */
public record ConversationDetail(long id, String accountKey, String accountHandle, ConversationKind kind,
        ConversationStatus status, CustomerPanel customer, Instant firstMessageAt, Instant waitingSince,
        List<MessageView> messages, long totalMessages, int offset, int limit) {
}
