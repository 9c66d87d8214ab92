package dev.signet.channel.push;

import dev.signet.channel.InboundMessage;
import dev.signet.channel.QuarantinedItem;

/**
 * One event of X's Activity API as Signet reads it: a message to hand to intake, an item to quarantine, or an event
 * Signet has no use for (e.g. {@code chat.received}, whose content is end-to-end encrypted, or {@code oauth.revoke}).
 *
 * @param eventType   X's {@code event_type}, e.g. {@code dm.received}
 * @param eventUuid   X's id of this delivery (the same event delivered twice keeps it)
 * @param userId      the brand user id of the subscription's filter
 * @param message     the message, when the event is one Signet takes
 * @param quarantined the item, when the event should be a message but can't be taken
 */
public record ActivityEvent(String eventType, String eventUuid, String userId, InboundMessage message,
        QuarantinedItem quarantined) {

    /** Whether the event carries a message for intake. */
    public boolean isMessage() {
        return message != null;
    }
}
