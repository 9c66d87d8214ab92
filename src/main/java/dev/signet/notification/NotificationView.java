package dev.signet.notification;

import java.time.Instant;

/**
 * A notification as pages and the API show it.
 *
 * @param customerId the customer it is about when there is no conversation (a mention in a customer note), or null
 */
public record NotificationView(long id, String kind, String text, Long conversationId, Instant createdAt, Instant readAt,
        Long customerId) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind().name(), n.text(), n.conversationId(), n.createdAt(), n.readAt(),
                n.customerId());
    }

    public boolean unread() {
        return readAt == null;
    }

    /** Where the notification leads: its conversation, else its customer, else the notifications page. */
    public String link() {
        if (conversationId != null) {
            return "/conversations/" + conversationId;
        }
        return customerId != null ? "/customers/" + customerId : "/notifications";
    }
}
