package dev.signet.quarantine;

import jakarta.annotation.security.RolesAllowed;
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

import dev.signet.security.Role;

/** The quarantine for admins and leads: what X sent that Signet could not take, and its replay. */
@Path("/api/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarantine")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class QuarantineResource {

    private final QuarantineService quarantine;

    public QuarantineResource(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @GET
    @Operation(summary = "Items waiting (or replayed), newest first, with the waiting counts per reason")
    public QuarantineList list(@QueryParam("status") @DefaultValue("QUARANTINED") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return quarantine.list(status(status), limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One quarantined item, with its raw JSON")
    public QuarantineView get(@PathParam("id") long id) {
        return quarantine.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Runs the item through parsing and intake again (optionally with corrected JSON); 422 if still refused")
    public ReplayOutcome replay(@PathParam("id") long id, ReplayRequest request) {
        return quarantine.replay(id, request);
    }

    static QuarantineStatus status(String status) {
        try {
            return QuarantineStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuarantineStatusException();
        }
    }
}
