package dev.signet.care.queue;

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

import dev.signet.care.QueueChanged;
import dev.signet.security.Role;
import io.smallrye.mutiny.Multi;

/**
 * The live queue as server-sent events: one JSON event per committed change (message received, reply, claim,
 * release, hand-off, status change, resolution, new priority). Every stream starts with {@code CONNECTED}, so a
 * client that reconnects knows to refetch what it may have missed; {@code HEARTBEAT} every 20 s keeps it open.
 */
@Path("/api/queue/events")
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class QueueEventsResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final QueueBroadcaster broadcaster;
    private final Clock clock;

    public QueueEventsResource(QueueBroadcaster broadcaster, Clock clock) {
        this.broadcaster = broadcaster;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live queue changes (server-sent events); refetch the queue on each")
    public Multi<QueueChanged> events() {
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(() -> stream(QueueChanged.Type.CONNECTED)),
                broadcaster.changes(),
                Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> stream(QueueChanged.Type.HEARTBEAT)));
    }

    private QueueChanged stream(QueueChanged.Type type) {
        return new QueueChanged(type, 0, null, clock.instant());
    }
}
