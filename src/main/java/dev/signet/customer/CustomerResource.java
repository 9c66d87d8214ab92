package dev.signet.customer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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

/**
 * Customers as JSON: search by name, handle, CRM id or email, and a customer's profile. The other customer endpoints
 * have a resource each: {@link CustomerTimelineResource}, {@link CrmResource}, {@link IdentityResource},
 * {@link PinnedFactResource}, {@link CustomerNoteResource}.
 * Paths stay under {@code /api} as before the split, in every resource of customer: RESTEasy Reactive routes by a
 * resource class's own path first, so classes at {@code /api/customers} and {@code /api} would shadow each other.
 */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CustomerResource {

    private final CustomerQueryService queries;

    public CustomerResource(CustomerQueryService queries) {
        this.queries = queries;
    }

    @GET
    @Path("customers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find customers by name, handle (current or past), CRM id or email")
    public List<CustomerViews.Hit> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return queries.search(q, limit);
    }

    @GET
    @Path("customers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public CustomerViews.Profile profile(@PathParam("id") long id) {
        return queries.profile(id);
    }
}
