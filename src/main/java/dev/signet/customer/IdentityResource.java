package dev.signet.customer;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/**
 * Who is who: linking a social identity to a customer and unlinking it, confirming or rejecting link suggestions,
 * merging two customers and undoing a merge (leads and admins). Every action is audited with its reason.
 */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class IdentityResource {

    /** What an unlink or undo request may say: why (kept in the audit). */
    public record ActionRequest(String reason) {
    }

    /** A link: the customer the identity belongs to, and why (kept in the audit). */
    public record LinkRequest(@NotNull(message = MISSING_CUSTOMER) Long customerId, String reason) {
    }

    /** A merge: the customer merged into this one, and why (kept in the audit). */
    public record MergeRequest(@NotNull(message = MISSING_CUSTOMER) Long sourceCustomerId, String reason) {
    }

    /** The problem a link or merge without the other customer gets (text in ValidationMessages.properties). */
    private static final String MISSING_CUSTOMER = "{signet.problem.missing-customer}";

    private final IdentityLinkService links;
    private final CustomerMergeService merges;
    private final CurrentUser currentUser;

    public IdentityResource(IdentityLinkService links, CustomerMergeService merges, CurrentUser currentUser) {
        this.links = links;
        this.merges = merges;
        this.currentUser = currentUser;
    }

    @POST
    @Path("identities/{id}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("id") long identityId,
            @NotNull(message = MISSING_CUSTOMER) @Valid LinkRequest request) {
        links.link(identityId, request.customerId(), actor(), request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("identities/{id}/unlink")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unlink(@PathParam("id") long identityId, ActionRequest request) {
        links.unlink(identityId, actor(), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("suggestions/{id}/confirm")
    public Response confirm(@PathParam("id") long id) {
        links.confirm(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("suggestions/{id}/reject")
    public Response reject(@PathParam("id") long id) {
        links.reject(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("customers/{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Merge sourceCustomerId into this customer (undoable)")
    public Response merge(@PathParam("id") long targetId,
            @NotNull(message = MISSING_CUSTOMER) @Valid MergeRequest request) {
        long mergeId = merges.merge(request.sourceCustomerId(), targetId, actor(), request.reason());
        return Response.status(201).entity(Map.of("mergeId", mergeId)).build();
    }

    @POST
    @Path("merges/{id}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response undo(@PathParam("id") long mergeId, ActionRequest request) {
        merges.undo(mergeId, actor(), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    private String actor() {
        return currentUser.get().username();
    }
}
