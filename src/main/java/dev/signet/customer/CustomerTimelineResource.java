package dev.signet.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.Role;

/** A customer's timeline as JSON: every conversation, message and note across accounts, newest first, by pages. */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CustomerTimelineResource {

    private final CustomerQueryService queries;

    public CustomerTimelineResource(CustomerQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Path("customers/{id}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every conversation, message and note of the customer across accounts, newest first")
    public CustomerViews.TimelinePage timeline(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(CustomerQueryService.LAST_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.timeline(id, page, size);
    }
}
