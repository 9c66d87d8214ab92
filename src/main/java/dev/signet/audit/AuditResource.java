package dev.signet.audit;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audit log as JSON and CSV, for admins only. The role is written out rather than {@code Role.ADMIN}: audit sits
 * below {@code security} (which records logins and user changes through it), so it can't import it; the role matrix
 * test (security.RoleMatrixTest) holds every route to its rule.
 */
@Path("/api/audit")
@Tag(name = "Audit")
@RolesAllowed("admin")
public class AuditResource {

    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public AuditResource(AuditTrail audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first, filtered by actor, action, target and period (dates or instants)")
    public AuditList list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.list(AuditFilter.parse(actor, action, targetType, targetId, from, to), page, size);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "The filtered entries as CSV; the export is itself audited")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(audit, AuditFilter.parse(actor, action, targetType, targetId, from, to), identity.getPrincipal().getName());
    }

    /** The CSV answer, shared with the admin page's download. */
    public static Response csv(AuditTrail audit, AuditFilter filter, String actor) {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.exportCsv(filter, actor, writer);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }
}
