package dev.signet.notification;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The logged-in user's notifications as server-sent events: {@code CONNECTED} first, {@code NOTIFIED} for each
 * notification stored for this user (never for others), on any replica, {@code RESYNC} when this replica may have
 * missed some (refetch, as on {@code CONNECTED}), {@code HEARTBEAT} every 20 s. The events carry no text:
 * clients read {@code /api/notifications} or {@code /unread} on each.
 */
@Path("/api/notifications/events")
@Tag(name = "Notifications")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
public class NotificationEventsResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final NotificationBroadcaster broadcaster;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NotificationEventsResource(NotificationBroadcaster broadcaster, CurrentUser currentUser, Clock clock) {
        this.broadcaster = broadcaster;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking // the user is looked up in the database once, when the stream opens
    @Operation(summary = "Your notifications, live (server-sent events); refetch the unread count on each")
    public Multi<NotificationEvent> events() {
        long userId = currentUser.get().id();
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(() -> event(NotificationEvent.Type.CONNECTED, null, null)),
                broadcaster.sentTo(userId).map(sent -> event(NotificationEvent.Type.NOTIFIED, sent.kind().name(),
                        sent.conversationId())),
                broadcaster.resyncs().map(resync -> event(NotificationEvent.Type.RESYNC, null, null)),
                Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> event(NotificationEvent.Type.HEARTBEAT, null, null)));
    }

    private NotificationEvent event(NotificationEvent.Type type, String kind, Long conversationId) {
        return new NotificationEvent(type, kind, conversationId, clock.instant());
    }
}
