package dev.signet.care.routing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** The logged-in agent's presence as JSON: on shift or away (continuity routing offers conversations only on shift). */
@Path("/api/me/presence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Presence")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class PresenceResource {

    private final PresenceService presence;
    private final CurrentUser currentUser;

    public PresenceResource(PresenceService presence, CurrentUser currentUser) {
        this.presence = presence;
        this.currentUser = currentUser;
    }

    /** The body: {@code ON_SHIFT} or {@code AWAY}. */
    public record PresenceChange(
            @NotNull(message = STATUS) @Pattern(regexp = "ON_SHIFT|AWAY", message = STATUS) String status) {

        private static final String STATUS = "{signet.problem.presence-status-required}";
    }

    @GET
    @Operation(summary = "Your presence: ON_SHIFT or AWAY")
    public PresenceView get() {
        return presence.of(currentUser.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark yourself ON_SHIFT or AWAY (away withdraws the conversations offered to you)")
    public PresenceView set(@NotNull(message = PresenceChange.STATUS) @Valid PresenceChange change) {
        return presence.mark(currentUser.get(), "ON_SHIFT".equals(change.status()));
    }
}
