package dev.signet.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signet.insight.InsightPeriod;
import dev.signet.insight.InsightQueryService;
import dev.signet.insight.InsightReport;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The brand manager's insights for one account and period: charts (drawn in the browser by Chart.js from
 * {@code /api/insights}), each with its data table, spike alerts and top terms. Read-only; an htmx request (every
 * 30 seconds) gets only the live part.
 */
@Path("/insights")
@RolesAllowed({ Role.BRAND_MANAGER, Role.ADMIN })
public class InsightsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance insights(PageFrame frame, Viewer me, List<InsightQueryService.AccountChoice> accounts,
                InsightReport report, String query);

        static native TemplateInstance insights$live(InsightReport report, String query);
    }

    private final InsightQueryService insights;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public InsightsPage(PageFrames frames, InsightQueryService insights, CurrentUser currentUser) {
        this.frames = frames;
        this.insights = insights;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("account") String account, @QueryParam("period") String period,
            @HeaderParam("HX-Request") boolean htmx) {
        List<InsightQueryService.AccountChoice> accounts = insights.accounts();
        String accountKey = account == null || account.isBlank()
                ? accounts.stream().findFirst().map(InsightQueryService.AccountChoice::accountKey).orElse(null)
                : account;
        InsightReport report = insights.report(accountKey, InsightPeriod.parse(period));
        String query = "account=" + report.accountKey() + "&period=" + report.period();
        if (htmx) {
            return Templates.insights$live(report, query);
        }
        return Templates.insights(frames.current(), Viewer.of(currentUser.get()), accounts, report, query);
    }
}
