package dev.signet.customer;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Pinned facts: a fact the customer gave in a message, pinned so it shows on all their conversations, and unpinned. */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class PinnedFactResource {

    public record FactRequest(String label, String value) {
    }

    private final PinnedFactService facts;
    private final CurrentUser currentUser;

    public PinnedFactResource(PinnedFactService facts, CurrentUser currentUser) {
        this.facts = facts;
        this.currentUser = currentUser;
    }

    @POST
    @Path("messages/{id}/facts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pin a fact the customer gave in this message; it shows on all their conversations")
    public Response pin(@PathParam("id") long messageId, FactRequest request) {
        long id = facts.pin(messageId, request == null ? null : request.label(), request == null ? null : request.value(),
                actor());
        return Response.status(201).entity(Map.of("factId", id)).build();
    }

    @DELETE
    @Path("facts/{id}")
    public Response unpin(@PathParam("id") long factId, @QueryParam("reason") String reason) {
        facts.unpin(factId, actor(), reason);
        return Response.noContent().build();
    }

    private String actor() {
        return currentUser.get().username();
    }
}
