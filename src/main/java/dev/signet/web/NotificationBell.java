package dev.signet.web;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.notification.NotificationService;
import dev.signet.security.AppUserService;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The bell in the layout's top bar (through {@link WebPageFrames}): the logged-in user's unread notifications. Nothing for
 * a visitor who is not logged in (login page, sandbox console), nor on a page rendered where the database
 * may not be used. Read once per request into the layout's frame.
 */
@RequestScoped
class NotificationBell {

    private final SecurityIdentity identity;
    private final AppUserService users;
    private final NotificationService notifications;
    private Long unread;

    NotificationBell(SecurityIdentity identity, AppUserService users, NotificationService notifications) {
        this.identity = identity;
        this.users = users;
        this.notifications = notifications;
    }

    boolean visible() {
        return unread() >= 0;
    }

    /** Unread notifications of the logged-in user; -1 when nobody is logged in. */
    long unread() {
        if (unread == null) {
            // An error page rendered on an I/O thread (e.g. an unknown path) may not query the database: no bell there.
            unread = identity.isAnonymous() || !BlockingOperationControl.isBlockingAllowed() ? -1L
                    : users.findByUsername(identity.getPrincipal().getName()).map(notifications::unreadCount).orElse(-1L);
        }
        return unread;
    }
}
