package dev.signet.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signet.care.PriorityRule;
import dev.signet.channel.ChannelAccountService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import dev.signet.sla.SlaTarget;
import dev.signet.sla.report.SlaReport;
import dev.signet.sla.report.SlaReportService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The insights' service-level section ({@code /insights/sla}): the team's % met per target, per account / tier /
 * channel, with median and p90 business time, and the latest breaches linking to their conversations. Team figures
 * only, never per agent.
 */
@Path("/insights/sla")
@RolesAllowed({ Role.LEAD, Role.BRAND_MANAGER, Role.ADMIN })
public class SlaInsightsPage {

    /** A line as shown: the figures formatted ("92.3 %", "12 min"). */
    public record LineView(String account, String tier, String channel, String target, long met, long breached,
            String percentMet, String median, String p90) {
    }

    /** A breach as shown. */
    public record BreachView(long conversationId, String account, String tier, String channel, String target,
            java.time.Instant dueAt, String late) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sla(PageFrame frame, Viewer me, List<String> accounts, String account, String period,
                String query, List<LineView> totals, List<LineView> lines, List<BreachView> breaches, String older,
                boolean paged);
    }

    private final SlaReportService reports;
    private final ChannelAccountService accounts;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public SlaInsightsPage(PageFrames frames, SlaReportService reports, ChannelAccountService accounts, CurrentUser currentUser) {
        this.frames = frames;
        this.reports = reports;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("account") String account, @QueryParam("period") String period,
            @QueryParam("before") String before) {
        SlaReport r = reports.report(account, period, before);
        String query = "account=" + (r.accountKey() == null ? "" : r.accountKey()) + "&period=" + r.period();
        return Templates.sla(frames.current(), Viewer.of(currentUser.get()), accounts.configuredKeys(),
                r.accountKey() == null ? "" : r.accountKey(), r.period(), query,
                r.totals().stream().map(SlaInsightsPage::view).toList(),
                r.lines().stream().map(SlaInsightsPage::view).toList(),
                r.breaches().stream().map(b -> new BreachView(b.conversationId(), b.accountKey(), lower(b.tier()),
                        lower(b.channel()), label(b.target()), b.dueAt(), b.endedAt() == null
                                ? "still running"
                                : PriorityRule.humanize(Duration.between(b.dueAt(), b.endedAt())) + " late")).toList(),
                r.olderBreaches() == null ? null : URLEncoder.encode(r.olderBreaches(), StandardCharsets.UTF_8),
                before != null && !before.isBlank());
    }

    private static LineView view(SlaReport.Line l) {
        return new LineView(l.accountKey() == null ? "every account" : l.accountKey(),
                l.tier() == null ? "every tier" : lower(l.tier()), l.channel() == null ? "both" : lower(l.channel()),
                label(l.target()), l.met(), l.breached(),
                l.percentMet() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", l.percentMet()),
                time(l.medianSeconds()), time(l.p90Seconds()));
    }

    private static String time(Double seconds) {
        return seconds == null ? "—" : PriorityRule.humanize(Duration.ofSeconds(Math.round(seconds)));
    }

    private static String label(String target) {
        return SlaTarget.valueOf(target).label();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
