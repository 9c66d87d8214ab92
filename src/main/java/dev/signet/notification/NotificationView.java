package dev.signet.notification;

import java.time.Instant;

/** A notification as pages and the API show it. */
public record NotificationView(long id, String kind, String text, Long conversationId, Instant createdAt, Instant readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind().name(), n.text(), n.conversationId(), n.createdAt(), n.readAt());
    }
}
