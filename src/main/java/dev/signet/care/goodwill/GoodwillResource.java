package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * Goodwill as JSON: record a gesture on a conversation, your own ledger and the team's totals, and for leads and
 * admins the team ledger per agent, the gestures waiting for approval, approve and decline.
 */
@Path("/api/goodwill")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Goodwill")
public class GoodwillResource {

    private final GoodwillCommands commands;
    private final GoodwillLedger ledger;
    private final CurrentUser currentUser;

    public GoodwillResource(GoodwillCommands commands, GoodwillLedger ledger, CurrentUser currentUser) {
        this.commands = commands;
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    /**
     * The body of a new gesture. Amount and reason are checked by {@link GoodwillCommands#record}, which the
     * conversation page's form calls too.
     */
    public record NewGesture(@NotNull(message = CONVERSATION_REQUIRED) Long conversationId, BigDecimal amount,
            String reason) {

        private static final String CONVERSATION_REQUIRED = "{signet.problem.goodwill-conversation-required}";
    }

    /** The body of a decline (the note is optional). */
    public record Decline(String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Record a goodwill gesture on a conversation: 201 GRANTED within your allowance, "
            + "202 PENDING_APPROVAL over it")
    public Response record(@NotNull(message = NewGesture.CONVERSATION_REQUIRED) @Valid NewGesture body) {
        GoodwillViews.Gesture gesture = commands.record(body.conversationId(), body.amount(), body.reason(),
                currentUser.get());
        return Response.status(gesture.status() == GoodwillStatus.GRANTED ? 201 : 202).entity(gesture).build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Your allowance and gestures in the period holding `period` (a date, default today), "
            + "with the team's totals")
    public GoodwillViews.MyLedger mine(@QueryParam("period") String period) {
        return ledger.myLedger(currentUser.get(), day(period));
    }

    @GET
    @Path("/team")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "The team ledger of the period holding `period` (default today): each agent by name, and totals")
    public GoodwillViews.TeamLedger team(@QueryParam("period") String period) {
        return ledger.teamLedger(day(period));
    }

    @GET
    @Path("/pending")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Gestures waiting for a lead's approval, oldest first")
    public List<GoodwillViews.Gesture> pending() {
        return ledger.pending();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
    @Operation(summary = "One gesture (agents: their own only)")
    public GoodwillViews.Gesture get(@PathParam("id") long id) {
        GoodwillViews.Gesture gesture = ledger.gesture(id);
        var me = currentUser.get();
        if (Role.AGENT.equals(me.role()) && !gesture.agentUsername().equals(me.username())) {
            // Agents see their own gestures (and every gesture on the conversations they open), not a colleague's ledger.
            throw GoodwillRejectedException.notFound(id);
        }
        return gesture;
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Approve a pending gesture (not your own); 409 once decided")
    public GoodwillViews.Gesture approve(@PathParam("id") long id) {
        return commands.approve(id, currentUser.get());
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Decline a pending gesture, optionally with a note for the agent; 409 once decided")
    public GoodwillViews.Gesture decline(@PathParam("id") long id, Decline body) {
        return commands.decline(id, currentUser.get(), body == null ? null : body.note());
    }

    @GET
    @Path("/conversations/{conversationId}")
    @RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
    @Operation(summary = "A conversation's gestures and your allowance left this period")
    public GoodwillViews.OnConversation onConversation(@PathParam("conversationId") long conversationId) {
        return ledger.onConversation(conversationId, currentUser.get());
    }

    static LocalDate day(String period) {
        return GoodwillPeriod.requireDay(period);
    }
}
