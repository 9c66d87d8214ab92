package dev.signet.channel.gap;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.api.ProblemException;
import dev.signet.channel.ChannelConfig;
import dev.signet.security.Role;

/** Gaps in the brand accounts' mentions timelines: open, recovered or lost. */
@Path("/api/accounts/gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class GapResource {

    private final GapService gaps;
    private final ChannelConfig channels;

    public GapResource(GapService gaps, ChannelConfig channels) {
        this.gaps = gaps;
        this.channels = channels;
    }

    @GET
    @Operation(summary = "The latest gaps in the mentions timelines (of one account with ?account=), newest first")
    public List<GapView> list(@QueryParam("account") String account) {
        if (account != null && !account.isBlank() && !channels.accounts().containsKey(account)) {
            throw new UnknownAccountException();
        }
        return gaps.latest(account == null || account.isBlank() ? null : account);
    }

    /** 404 for an account key that isn't configured. */
    static final class UnknownAccountException extends ProblemException {

        UnknownAccountException() {
            super(404, "unknown-account", "Unknown account", "No brand account is configured under this key.");
        }
    }
}
