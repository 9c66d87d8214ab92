package dev.signet.care.promise;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.Role;

/** Team figures of promised updates as JSON (per brand account, never per agent). */
@Path("/api/care/promises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class PromiseResource {

    private final PromiseStatsService stats;

    public PromiseResource(PromiseStatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Promised updates per team (brand account): pending, overdue now, and kept / broken / "
            + "withdrawn among those due in the last `days` days")
    public PromiseStats promises(@QueryParam("account") String account, @QueryParam("days") @DefaultValue("7") int days) {
        return stats.stats(account == null || account.isBlank() ? null : account, days);
    }
}
