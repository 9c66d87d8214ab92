package dev.signet.channel.push;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.Role;

/** Each brand account's delivery mode (poll, stream, webhook) and push figures. */
@Path("/api/accounts/push")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class PushResource {

    private final PushStatus status;

    public PushResource(PushStatus status) {
        this.status = status;
    }

    @GET
    @Operation(summary = "Delivery mode per account; in push modes: connected, events pushed, found only by reconciliation, X calls")
    public List<PushView> list() {
        return status.all();
    }
}
