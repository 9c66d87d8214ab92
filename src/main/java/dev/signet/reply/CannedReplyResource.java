package dev.signet.reply;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** The canned-reply library as JSON: agents search it; leads and admins write it (audited). */
@Path("/api/canned-replies")
@Tag(name = "Canned replies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CannedReplyResource {

    private final CannedReplyService canned;
    private final CurrentUser currentUser;

    public CannedReplyResource(CannedReplyService canned, CurrentUser currentUser) {
        this.canned = canned;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Search the library (title, text, tags); account = that account's entries and the shared ones; kind = PUBLIC or DM")
    public List<CannedReplyView> search(@QueryParam("q") String q, @QueryParam("account") String account,
            @QueryParam("kind") String kind) {
        return canned.search(q, account, kind);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canned reply with its history (who created and edited it, when)")
    public CannedReplyView get(@PathParam("id") long id) {
        return canned.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Add a canned reply")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "The title is used already for this account")
    @APIResponse(responseCode = "422", description = "Unknown variable, or too long for a public reply")
    public Response create(CannedReplyRequest request) {
        CannedReplyView view = canned.create(request, currentUser.get());
        return Response.created(URI.create("/api/canned-replies/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Change a canned reply")
    public CannedReplyView update(@PathParam("id") long id, CannedReplyRequest request) {
        return canned.update(id, request, currentUser.get());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Delete a canned reply (the audit keeps who did it)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        canned.delete(id, currentUser.get());
    }
}
