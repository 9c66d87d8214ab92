package dev.signet.reply;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Replies as JSON: an agent answers a conversation; the reply is signed with their initials and published. */
@Path("/api/conversations/{id}/replies")
@Tag(name = "Replies")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class ReplyResource {

    /** The request header that names a reply request, so that a client can repeat it safely. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The answer header that says the reply was stored by an earlier request with the same key. */
    static final String REPLAYED = "Idempotent-Replayed";

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
    @APIResponse(responseCode = "201", description = "Stored, and published unless delivery says otherwise; with"
            + " `Idempotent-Replayed: true`, the reply stored earlier under the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Empty reply, or an Idempotency-Key that is not 1 to 100 visible ASCII characters")
    @APIResponse(responseCode = "404", description = "Unknown conversation")
    @APIResponse(responseCode = "409", description = "Another agent holds the conversation, or a public conversation has no customer post to answer")
    @APIResponse(responseCode = "422", description = "Too long for X once signed, inReplyTo is not a customer post of this"
            + " conversation, or the Idempotency-Key was used for another reply")
    public Response reply(@PathParam("id") long id,
            @Parameter(description = "Names this request so that it can be repeated safely (after a timeout, a lost"
                    + " answer, a restart): a repeat gets the reply stored the first time, never a second one. A new"
                    + " random UUID for each new reply.") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid ReplyRequest request) {
        ReplySent sent = replies.send(id, request == null ? null : request.text(),
                request == null ? null : request.inReplyTo(), checkedKey(idempotencyKey), currentUser.get());
        Response.ResponseBuilder response = Response.created(URI.create("/api/conversations/" + id)).entity(sent.view());
        if (sent.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** The key as sent, or null without one; refused unless 1 to 100 visible ASCII characters. */
    private static String checkedKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 100
                || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ReplyRejectedException.keyInvalid();
        }
        return idempotencyKey;
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
