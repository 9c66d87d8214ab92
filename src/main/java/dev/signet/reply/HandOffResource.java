package dev.signet.reply;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Hand-off as JSON: the holder passes a conversation to a colleague, optionally telling the customer. */
@Path("/api/conversations/{id}/handoff")
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class HandOffResource {

    private final ReplyService replies;
    private final CurrentUser currentUser;

    public HandOffResource(ReplyService replies, CurrentUser currentUser) {
        this.replies = replies;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand the conversation to another agent; with customerLine, tell the customer (signed by both)")
    @APIResponse(responseCode = "200", description = "Handed over; the body is the customer line's reply, if any")
    @APIResponse(responseCode = "204", description = "Handed over, no customer line")
    @APIResponse(responseCode = "400", description = "No reason, unknown agent, or hand-off to yourself")
    @APIResponse(responseCode = "409", description = "Another agent holds the conversation")
    @APIResponse(responseCode = "422", description = "The customer line is too long once signed by both")
    public Response handOff(@PathParam("id") long id, HandOffRequest request) {
        HandOffRequest body = request == null ? new HandOffRequest(null, null, null) : request;
        return replies.handOff(id, currentUser.get(), body.to(), body.reason(), body.customerLine())
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
