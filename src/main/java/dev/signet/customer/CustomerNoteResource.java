package dev.signet.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Internal notes on a customer (never sent); @initials in a note notify those colleagues. */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CustomerNoteResource {

    /** The body of an internal note on a customer. */
    public record NoteRequest(String text) {
    }

    private final PinnedFactService facts;
    private final CurrentUser currentUser;

    public CustomerNoteResource(PinnedFactService facts, CurrentUser currentUser) {
        this.facts = facts;
        this.currentUser = currentUser;
    }

    @POST
    @Path("customers/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an internal note on the customer (never sent); @initials notify those colleagues")
    public Response note(@PathParam("id") long id, NoteRequest request) {
        CustomerViews.NoteAdded added = facts.addNote(id, currentUser.get(), request == null ? null : request.text());
        return Response.status(201).entity(added).build();
    }
}
