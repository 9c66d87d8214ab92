package dev.signet.notification;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** The logged-in user's notifications as JSON: newest (unread first), unread count, mark read. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
public class NotificationResource {

    private final NotificationService notifications;
    private final CurrentUser currentUser;

    public NotificationResource(NotificationService notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    public record Unread(long unread) {
    }

    @GET
    public List<NotificationView> list() {
        return notifications.newestFor(currentUser.get());
    }

    @GET
    @Path("/unread")
    public Unread unread() {
        return new Unread(notifications.unreadCount(currentUser.get()));
    }

    @POST
    @Path("/{id}/read")
    public NotificationView read(@PathParam("id") long id) {
        return notifications.markRead(currentUser.get(), id);
    }

    @POST
    @Path("/read-all")
    public Unread readAll() {
        notifications.markAllRead(currentUser.get());
        return new Unread(0);
    }
}
