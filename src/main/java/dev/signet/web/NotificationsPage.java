package dev.signet.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.notification.NotificationService;
import dev.signet.notification.NotificationView;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The logged-in user's notifications (any kind: mentions, escalations, continuity offers…), unread first, each
 * leading to its conversation (or customer); open marks it read, and so do "Mark read" and "Mark all read".
 */
@Path("/notifications")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
public class NotificationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(PageFrame frame, Viewer me, List<NotificationView> items, long unread);
    }

    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public NotificationsPage(PageFrames frames, NotificationService notifications, CurrentUser currentUser) {
        this.frames = frames;
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        List<NotificationView> items = notifications.newestFor(currentUser.get());
        return Templates.notifications(frames.current(), Viewer.of(currentUser.get()), items,
                items.stream().filter(NotificationView::unread).count());
    }

    /** Marks it read and goes where it leads. Another user's notification is "not found". */
    @POST
    @Path("{id}/open")
    public Response open(@PathParam("id") long id) {
        NotificationView read = notifications.markRead(currentUser.get(), id);
        return Response.seeOther(URI.create(read.link())).build();
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") long id) {
        notifications.markRead(currentUser.get(), id);
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @POST
    @Path("read-all")
    public Response readAll() {
        notifications.markAllRead(currentUser.get());
        return Response.seeOther(URI.create("/notifications")).build();
    }
}
