package dev.signet.care;

import java.time.Instant;
import java.util.List;

/**
 * The matter a conversation belongs to, for the conversation page and the API.
 *
 * @param rootId      the matter's first conversation (the conversation itself unless linked)
 * @param linked      the other conversations of the matter
 * @param contacts    contacts about the matter, summed over its conversations
 * @param escalatesAt the threshold: more contacts than this escalate
 * @param history     escalations and de-escalations of this conversation, oldest first
 */
public record MatterView(long conversationId, long rootId, List<Long> linked, int contacts, int escalatesAt,
        boolean escalated, List<Event> history) {

    /** One audited escalation or de-escalation. */
    public record Event(String action, String actor, String reason, int contacts, Instant at) {
    }
}
