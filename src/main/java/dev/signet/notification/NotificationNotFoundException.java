package dev.signet.notification;

import dev.signet.api.ProblemException;

/** No notification with that id belongs to the asking user (another user's is "not found", not "forbidden"). */
final class NotificationNotFoundException extends ProblemException {

    NotificationNotFoundException(long id) {
        super(404, "notification-not-found", "Notification not found", "There is no notification " + id + " for you.");
    }
}
