package dev.signet.care;

import java.time.Instant;

import dev.signet.sentiment.MessageSentimentView;

/**
 * One message as agents and API clients see it.
 *
 * @param externalId    the network's id; null for an outgoing message not yet accepted by the network
 * @param authorHandle  the customer's handle for incoming messages
 * @param agentInitials the initials of the agent who wrote an outgoing message
 * @param delivery      for an outgoing message: how its publication is going (null for incoming ones)
 * @param sentiment     a customer's message's sentiment (model score, agent's correction); null if neither yet
 */
public record MessageView(long id, Direction direction, String externalId, String text, Instant sentAt,
        String authorHandle, String authorName, String agentInitials, String agentName, String inReplyToExternalId,
        Delivery delivery, MessageSentimentView sentiment) {

    public boolean published() {
        return direction == Direction.IN || externalId != null;
    }
}
