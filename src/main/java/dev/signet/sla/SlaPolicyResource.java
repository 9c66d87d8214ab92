package dev.signet.sla;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** Service-level policies as JSON: read by the team, changed by leads and admins (audited). */
@Path("/api/sla/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service levels")
public class SlaPolicyResource {

    private final SlaPolicyService policies;
    private final CurrentUser currentUser;

    public SlaPolicyResource(SlaPolicyService policies, CurrentUser currentUser) {
        this.policies = policies;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({ Role.AGENT, Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
    @Operation(summary = "Every policy, or one account's")
    public List<SlaPolicyView> list(@QueryParam("account") String account) {
        return policies.list(account);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.AGENT, Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
    @Operation(summary = "One policy; 404 sla-policy-not-found")
    public SlaPolicyView get(@PathParam("id") long id) {
        return policies.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Create the policy of a scope (account, tier, channel) or change it; 400 invalid-sla-policy")
    public SlaPolicyView save(SlaPolicyRequest body) {
        return policies.save(body, currentUser.get().username());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Change a policy's targets and hours (its scope stays); 404 sla-policy-not-found")
    public SlaPolicyView change(@PathParam("id") long id, SlaPolicyRequest body) {
        SlaPolicyView existing = policies.get(id);
        SlaPolicyRequest same = body == null ? null : new SlaPolicyRequest(existing.accountKey(), existing.tier(),
                existing.channel(), body.firstResponseMinutes(), body.nextResponseMinutes(), body.resolutionMinutes(),
                body.alwaysOpen(), body.hours(), body.holidays());
        return policies.save(same, currentUser.get().username());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Delete a policy (audited); 404 sla-policy-not-found")
    public Response delete(@PathParam("id") long id) {
        policies.delete(id, currentUser.get().username());
        return Response.noContent().build();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "The latest policy changes (who, when, before and after), newest first")
    public List<SlaPolicyChange.View> changes() {
        return policies.changes(100);
    }
}
