package dev.signet.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.Role;

/** Conversations as JSON: the queue and one conversation with its thread. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationResource {

    private final ConversationQueryService query;

    public ConversationResource(ConversationQueryService query) {
        this.query = query;
    }

    @GET
    @Operation(summary = "The queue: unresolved conversations, the longest-waiting customer first")
    public QueueResult list(@QueryParam("account") String account, @QueryParam("kind") ConversationKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(QueueFilter.MAX_SIZE) int size) {
        return query.queue(new QueueFilter(account, kind, page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation with a page of its messages (the latest page unless offset is given)")
    public ConversationDetail get(@PathParam("id") long id, @QueryParam("offset") @Min(0) Integer offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(ConversationQueryService.THREAD_PAGE) int limit) {
        return query.detail(id, offset, limit);
    }
}
