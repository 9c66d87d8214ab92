package dev.signet.care.note;

import java.net.URI;

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

/**
 * Internal notes on a conversation as JSON: colleagues write them (with @initials mentions that notify), nobody
 * publishes them. They are listed in {@code GET /api/conversations/{id}} ({@code notes}). Brand managers, who
 * don't work conversations, may not write them.
 */
@Path("/api/conversations/{id}/notes")
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationNoteResource {

    /** The body of a note. */
    public record NoteRequest(String text) {
    }

    private final ConversationNoteService notes;
    private final CurrentUser currentUser;

    public ConversationNoteResource(ConversationNoteService notes, CurrentUser currentUser) {
        this.notes = notes;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an internal note (never published); @initials notify those colleagues")
    @APIResponse(responseCode = "201", description = "Stored; mentioned = who was notified, unmatched = initials of nobody")
    @APIResponse(responseCode = "400", description = "Empty note")
    @APIResponse(responseCode = "404", description = "Unknown conversation")
    @APIResponse(responseCode = "422", description = "Note too long")
    public Response add(@PathParam("id") long id, NoteRequest request) {
        NoteAdded added = notes.add(id, request == null ? null : request.text(), currentUser.get());
        return Response.created(URI.create("/api/conversations/" + id)).entity(added).build();
    }
}
