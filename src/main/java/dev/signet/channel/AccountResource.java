package dev.signet.channel;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    private final ApiUsageService usage;

    public AccountResource(ChannelAccountService accounts, ApiUsageService usage) {
        this.accounts = accounts;
        this.usage = usage;
    }

    @GET
    @Operation(summary = "Every brand account: last poll, last error, failures in a row, lease holder, cursors")
    public List<AccountHealth> list() {
        return accounts.health();
    }

    @GET
    @Path("/usage")
    @Operation(summary = "The X API cost meter: reads and writes per account in a month (default: this month, UTC)")
    public List<ApiUsageView> usage(@QueryParam("month") String month) {
        YearMonth which;
        try {
            which = month == null || month.isBlank() ? usage.thisMonth() : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidMonthException();
        }
        return usage.month(which);
    }
}
