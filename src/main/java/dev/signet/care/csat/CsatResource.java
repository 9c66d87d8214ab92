package dev.signet.care.csat;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationRepository;
import dev.signet.security.Role;

/** A conversation's satisfaction surveys as JSON: scheduled, asked, answered, or skipped and why. */
@Path("/api/conversations/{id}/csat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CsatResource {

    private final CsatService csat;
    private final ConversationRepository conversations;

    public CsatResource(CsatService csat, ConversationRepository conversations) {
        this.csat = csat;
        this.conversations = conversations;
    }

    @GET
    @Operation(summary = "The conversation's satisfaction surveys, newest first (one per resolution)")
    public List<CsatView> surveys(@PathParam("id") long id) {
        if (conversations.findByIdOptional(id).isEmpty()) {
            throw new ConversationNotFoundException(id);
        }
        return csat.ofConversation(id);
    }
}
