package dev.signet.insight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** Agents flag a customer's message as market feedback for the brand manager's insights, or take the flag back. */
@Path("/api/messages/{id}/market-feedback")
@Tag(name = "Market feedback")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class MarketFeedbackResource {

    private final MarketFeedbackService feedback;
    private final CurrentUser currentUser;

    public MarketFeedbackResource(MarketFeedbackService feedback, CurrentUser currentUser) {
        this.feedback = feedback;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "The message's market-feedback flag")
    @APIResponse(responseCode = "204", description = "Not flagged")
    public Response get(@PathParam("id") long id) {
        MarketFeedbackView view = feedback.of(id);
        return view == null ? Response.noContent().build() : Response.ok(view).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Flag a customer's message as market feedback (category product, policy, pricing or other; optional note); again = change it")
    @APIResponse(responseCode = "200", description = "Flagged (one flag per message)")
    @APIResponse(responseCode = "400", description = "Unknown category, or note over 280 characters")
    @APIResponse(responseCode = "404", description = "Unknown message")
    @APIResponse(responseCode = "422", description = "Not a customer's message")
    public MarketFeedbackView flag(@PathParam("id") long id, MarketFeedbackRequest request) {
        return feedback.flag(id, request, currentUser.get());
    }

    @DELETE
    @Operation(summary = "Take the flag back (nothing happens if there is none)")
    @APIResponse(responseCode = "204", description = "Not flagged any more")
    public void unflag(@PathParam("id") long id) {
        feedback.unflag(id);
    }
}
