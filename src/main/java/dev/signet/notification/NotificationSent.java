package dev.signet.notification;

/**
 * Fired (CDI event) when notifications are stored, so that a live view can tell the recipients after the
 * transaction commits (observe with {@code during = TransactionPhase.AFTER_SUCCESS}).
 */
public record NotificationSent(java.util.Set<Long> userIds, NotificationKind kind, Long conversationId) {
}
