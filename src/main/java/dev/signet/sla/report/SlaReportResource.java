package dev.signet.sla.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** The team's service-level figures as JSON and CSV (leads, brand managers, admins; never per agent). */
@Path("/api/sla/report")
@Tag(name = "Service levels")
public class SlaReportResource {

    private final SlaReportService reports;
    private final SlaReportExportService exports;
    private final CurrentUser currentUser;

    public SlaReportResource(SlaReportService reports, SlaReportExportService exports, CurrentUser currentUser) {
        this.reports = reports;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
    @Operation(summary = "% met, median and p90 per target, per account / tier / channel, and the latest breaches; "
            + "period day|week|month; before= the olderBreaches cursor of the previous page; 400 bad-period, "
            + "400 bad-breach-cursor, 404 account-not-found")
    public SlaReport report(@QueryParam("account") String account, @QueryParam("period") String period,
            @QueryParam("before") String before) {
        return reports.report(account, period, before);
    }

    @GET
    @Path("/lines.csv")
    @Produces("text/csv")
    @RolesAllowed({ Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
    @Operation(summary = "The figures as CSV (totals first, * for every tier / channel)")
    public Response linesCsv(@QueryParam("account") String account, @QueryParam("period") String period) {
        SlaReport report = exports.export("sla-lines", account, period, currentUser.get().username());
        return csv(SlaReportService.linesCsv(report), "sla.csv");
    }

    @GET
    @Path("/breaches.csv")
    @Produces("text/csv")
    @RolesAllowed({ Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
    @Operation(summary = "A page of breaches with their conversations (the latest, or before= a cursor), as CSV")
    public Response breachesCsv(@QueryParam("account") String account, @QueryParam("period") String period,
            @QueryParam("before") String before) {
        SlaReport report = exports.export("sla-breaches", account, period, before, currentUser.get().username());
        return csv(SlaReportService.breachesCsv(report), "sla-breaches.csv");
    }

    private static Response csv(String body, String name) {
        return Response.ok(body, "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=" + name)
                .build();
    }
}
