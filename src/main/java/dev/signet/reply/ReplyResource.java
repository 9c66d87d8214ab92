package dev.signet.reply;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

/** Replies as JSON: an agent answers a conversation; the reply is signed with their initials and published. */
@Path("/api/conversations/{id}/replies")
@Tag(name = "Replies")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class ReplyResource {

    private final ReplyService replies;
    private final CurrentUser currentUser;

    public ReplyResource(ReplyService replies, CurrentUser currentUser) {
        this.replies = replies;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the customer (public reply or DM, as the conversation is), signed with your initials")
    @APIResponse(responseCode = "201", description = "Stored, and published unless delivery says otherwise")
    @APIResponse(responseCode = "400", description = "Empty reply")
    @APIResponse(responseCode = "404", description = "Unknown conversation")
    @APIResponse(responseCode = "422", description = "Too long for X once signed, or inReplyTo is not a customer post of this conversation")
    public Response reply(@PathParam("id") long id, @Valid ReplyRequest request) {
        ReplyView view = replies.send(id, request == null ? null : request.text(),
                request == null ? null : request.inReplyTo(), currentUser.get());
        return Response.created(URI.create("/api/conversations/" + id)).entity(view).build();
    }

    @POST
    @Path("/{replyId}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a failed reply again (looked up on X first, in case an earlier attempt got through)")
    @APIResponse(responseCode = "200", description = "Tried again; delivery says how it went")
    @APIResponse(responseCode = "404", description = "Unknown conversation or reply")
    @APIResponse(responseCode = "409", description = "The reply has not failed (published, or still being tried)")
    public ReplyView retry(@PathParam("id") long id, @PathParam("replyId") long replyId) {
        return replies.retry(id, replyId);
    }
}
