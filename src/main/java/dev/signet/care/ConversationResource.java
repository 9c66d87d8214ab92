package dev.signet.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.care.promise.PromiseRequest;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueResult;
import dev.signet.care.routing.EscalationService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Conversations as JSON: the queue, one conversation with its thread, claim, release and status changes. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationResource {

    private final ConversationQueryService query;
    private final CareService care;
    private final CurrentUser currentUser;
    private final EscalationService escalations;

    public ConversationResource(ConversationQueryService query, CareService care, CurrentUser currentUser,
            EscalationService escalations) {
        this.query = query;
        this.care = care;
        this.currentUser = currentUser;
        this.escalations = escalations;
    }

    @GET
    @Operation(summary = "The queue: unresolved conversations, highest priority first, each with the reasons of its score")
    public QueueResult list(@QueryParam("account") String account, @QueryParam("kind") ConversationKind kind,
            @QueryParam("status") ConversationStatus status, @QueryParam("escalated") Boolean escalated,
            @QueryParam("holder") @DefaultValue("ANY") QueueFilter.Holder holder,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueueFilter.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(QueueFilter.MAX_SIZE) int size,
            @QueryParam("breachingSoon") @DefaultValue("false") boolean breachingSoon) {
        Long viewer = holder == QueueFilter.Holder.MINE ? currentUser.get().id() : null;
        return query.queue(new QueueFilter(account == null || account.isBlank() ? null : account, kind, status,
                escalated, holder, viewer, page, size, breachingSoon));
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Claim the conversation (a lease, renewed while you work on it); 409 if someone else holds it")
    public ConversationDetail claim(@PathParam("id") long id) {
        care.claim(id, currentUser.get());
        return query.detail(id, null, ConversationQueryService.THREAD_PAGE);
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Release your claim; 409 if you don't hold it")
    public ConversationDetail release(@PathParam("id") long id) {
        care.release(id, currentUser.get());
        return query.detail(id, null, ConversationQueryService.THREAD_PAGE);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Change the status: OPEN, WAITING_ON_CUSTOMER, WAITING_ON_US or RESOLVED; 409 if not allowed."
            + " WAITING_ON_US needs promisedUpdateAt (local time of the account's zone, e.g. 2026-12-04T00:30, or an"
            + " instant with offset) and may carry updateText, published signed at that time")
    public ConversationDetail changeStatus(@PathParam("id") long id,
            @NotNull(message = StatusChange.REQUIRED) @Valid StatusChange change) {
        care.changeStatus(id, change.status(), new PromiseRequest(change.promisedUpdateAt(), change.updateText()),
                currentUser.get());
        return query.detail(id, null, ConversationQueryService.THREAD_PAGE);
    }

    /**
     * The body of a status change.
     *
     * @param promisedUpdateAt with WAITING_ON_US (required there): by when the customer gets the next update
     * @param updateText       with WAITING_ON_US (optional): the update to publish then, signed with your initials
     */
    public record StatusChange(@NotNull(message = REQUIRED) ConversationStatus status, String promisedUpdateAt,
            String updateText) {

        private static final String REQUIRED = "{signet.problem.status-required}";
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation with a page of its messages (the latest page unless offset is given)")
    public ConversationDetail get(@PathParam("id") long id, @QueryParam("offset") @Min(0) Integer offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(ConversationQueryService.THREAD_PAGE) int limit) {
        return query.detail(id, offset, limit);
    }

    // Escalation (issue #7): the matter, linking a conversation to an earlier one, de-escalation by a lead.

    @GET
    @Path("/{id}/matter")
    @Operation(summary = "The conversation's matter: contacts (summed over linked conversations), linked conversations, escalation history")
    public MatterView matter(@PathParam("id") long id) {
        return escalations.matter(id);
    }

    @POST
    @Path("/{id}/same-matter")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Operation(summary = "Link the conversation to an earlier one of the same customer as the same matter; its contacts add up (may escalate)")
    public MatterView sameMatter(@PathParam("id") long id,
            @NotNull(message = SameMatter.MATTER_REQUIRED) @Valid SameMatter body) {
        return escalations.linkSameMatter(id, body.conversationId(), currentUser.get());
    }

    /**
     * The body of a same-matter link: the earlier conversation. The service checks it again for the escalation page's
     * form, which calls it too.
     */
    public record SameMatter(@NotNull(message = MATTER_REQUIRED) Long conversationId) {

        private static final String MATTER_REQUIRED = "{signet.problem.matter-required}";
    }

    @POST
    @Path("/{id}/deescalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Take an escalation back (leads), saying why; audited")
    public MatterView deescalate(@PathParam("id") long id, Deescalation body) {
        escalations.deescalate(id, currentUser.get(), body == null ? null : body.reason());
        return escalations.matter(id);
    }

    /** The body of a de-escalation. */
    public record Deescalation(String reason) {
    }
}
