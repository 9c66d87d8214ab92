package dev.signet.channel;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.Role;

/** The brand accounts Signet polls, with their cursors, lease and health. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class AccountResource {

    private final ChannelAccountService accounts;

    public AccountResource(ChannelAccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "Every brand account: last poll, last error, failures in a row, lease holder, cursors")
    public List<AccountHealth> list() {
        return accounts.health();
    }
}
