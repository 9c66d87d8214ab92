package dev.signet.insight;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * The insights as JSON (the same series the page charts), and their exports in CSV and JSON. Read-only, for
 * brand managers and admins. Team figures only: nothing is broken down by agent.
 */
@Path("/api/insights")
@RolesAllowed({ Role.BRAND_MANAGER, Role.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final InsightQueryService insights;
    private final InsightExportService exports;
    private final CurrentUser currentUser;

    public InsightsResource(InsightQueryService insights, InsightExportService exports, CurrentUser currentUser) {
        this.insights = insights;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "The brand accounts that have insights")
    public List<InsightQueryService.AccountChoice> accounts() {
        return insights.accounts();
    }

    @GET
    @Path("/{account}")
    @Operation(summary = "Volume, sentiment, top hashtags and terms, resolution time and spike alerts of an account for a period (day, week, month)")
    public InsightReport report(@PathParam("account") String account, @QueryParam("period") String period) {
        return insights.report(account, InsightPeriod.parse(period));
    }

    @GET
    @Path("/{account}/series.json")
    @Operation(summary = "Export: the period's time series as JSON")
    public List<InsightReport.SeriesPoint> seriesJson(@PathParam("account") String account, @QueryParam("period") String period) {
        return exports.series(account, InsightPeriod.parse(period), actor(), "json");
    }

    @GET
    @Path("/{account}/series.csv")
    @Produces(CSV)
    @Operation(summary = "Export: the period's time series as CSV")
    public Response seriesCsv(@PathParam("account") String account, @QueryParam("period") String period) {
        InsightPeriod p = InsightPeriod.parse(period);
        return attachment(CsvExport.series(exports.series(account, p, actor(), "csv")), account + "-series-" + p.key() + ".csv");
    }

    @GET
    @Path("/{account}/flagged.json")
    @Operation(summary = "Export: messages flagged in the period (strongly negative, or market feedback from agents), newest first, at most 5,000")
    public List<FlaggedMessageView> flaggedJson(@PathParam("account") String account, @QueryParam("period") String period) {
        return exports.flagged(account, InsightPeriod.parse(period), actor(), "json");
    }

    @GET
    @Path("/{account}/flagged.csv")
    @Produces(CSV)
    @Operation(summary = "Export: messages flagged in the period as CSV (cells defused against formula injection)")
    public Response flaggedCsv(@PathParam("account") String account, @QueryParam("period") String period) {
        InsightPeriod p = InsightPeriod.parse(period);
        return attachment(CsvExport.flagged(exports.flagged(account, p, actor(), "csv")), account + "-flagged-" + p.key() + ".csv");
    }

    private String actor() {
        return currentUser.get().username();
    }

    private static Response attachment(String csv, String filename) {
        // The account key comes from configuration (checked by the service), so the file name needs no escaping.
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
