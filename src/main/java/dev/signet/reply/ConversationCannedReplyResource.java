package dev.signet.reply;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Canned replies filled for one conversation (its account, kind, customer and the agent asking). */
@Path("/api/conversations/{id}/canned-replies")
@Tag(name = "Canned replies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class ConversationCannedReplyResource {

    private final CannedReplyService canned;
    private final CurrentUser currentUser;

    public ConversationCannedReplyResource(CannedReplyService canned, CurrentUser currentUser) {
        this.canned = canned;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "The entries fitting this conversation that match q, each filled in (missing values as [[markers]])")
    public List<CannedRendering> suggestions(@PathParam("id") long id, @QueryParam("q") String q) {
        return canned.suggestions(id, q, currentUser.get());
    }

    @GET
    @Path("/{cannedId}/render")
    @Operation(summary = "One entry filled for this conversation: the text and the variables still missing")
    public CannedRendering render(@PathParam("id") long id, @PathParam("cannedId") long cannedId) {
        return canned.render(id, cannedId, currentUser.get());
    }
}
