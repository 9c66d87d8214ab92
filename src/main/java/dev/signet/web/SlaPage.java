package dev.signet.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.api.ProblemException;
import dev.signet.channel.ChannelAccountService;
import dev.signet.customer.CrmConfig;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import dev.signet.sla.SlaPolicyChange;
import dev.signet.sla.SlaPolicyRequest;
import dev.signet.sla.SlaPolicyService;
import dev.signet.sla.SlaPolicyView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Service-level policies for leads and admins ({@code /admin/sla}): every policy by account, a form that creates a
 * scope's policy or changes it, delete, and the audit of the latest changes. A refused form comes back with its
 * reason and what was typed.
 */
@Path("/admin/sla")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class SlaPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sla(PageFrame frame, Viewer me, List<SlaPolicyView> policies, List<String> accounts,
                List<String> tiers, SlaPolicyRequest form, String error, String notice, List<SlaPolicyChange.View> changes);
    }

    private final SlaPolicyService policies;
    private final ChannelAccountService accounts;
    private final CrmConfig crm;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public SlaPage(PageFrames frames, SlaPolicyService policies, ChannelAccountService accounts, CrmConfig crm, CurrentUser currentUser) {
        this.frames = frames;
        this.policies = policies;
        this.accounts = accounts;
        this.crm = crm;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("done") String done, @QueryParam("edit") Long edit) {
        String notice = switch (done == null ? "" : done) {
            case "saved" -> "Policy saved.";
            case "deleted" -> "Policy deleted.";
            default -> null;
        };
        SlaPolicyRequest form = new SlaPolicyRequest("", "", "", 60, 120, 1440, true, "MON-FRI 09:00-17:00", "");
        if (edit != null) {
            SlaPolicyView p = policies.get(edit);
            form = new SlaPolicyRequest(p.accountKey(), p.tier() == null ? "" : p.tier(),
                    p.channel() == null ? "" : p.channel(), p.targets().firstResponseMinutes(),
                    p.targets().nextResponseMinutes(), p.targets().resolutionMinutes(), p.alwaysOpen(),
                    p.hours() == null ? "MON-FRI 09:00-17:00" : p.hours(), p.holidays());
        }
        return page(form, null, notice);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response save(@FormParam("accountKey") String account, @FormParam("tier") String tier,
            @FormParam("channel") String channel, @FormParam("firstResponseMinutes") String first,
            @FormParam("nextResponseMinutes") String next, @FormParam("resolutionMinutes") String resolution,
            @FormParam("alwaysOpen") String alwaysOpen, @FormParam("hours") String hours,
            @FormParam("holidays") String holidays) {
        SlaPolicyRequest form = new SlaPolicyRequest(account, tier, channel, number(first), number(next),
                number(resolution), "true".equals(alwaysOpen), hours, holidays);
        try {
            if (form.firstResponseMinutes() == null && first != null && !first.isBlank()
                    || form.nextResponseMinutes() == null && next != null && !next.isBlank()
                    || form.resolutionMinutes() == null && resolution != null && !resolution.isBlank()) {
                return Response.status(400).entity(page(form, "Targets are whole numbers of minutes.", null)).build();
            }
            policies.save(form, currentUser.get().username());
            return Response.seeOther(URI.create("/admin/sla?done=saved")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(form, e.detail(), null)).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") long id) {
        policies.delete(id, currentUser.get().username());
        return Response.seeOther(URI.create("/admin/sla?done=deleted")).build();
    }

    private TemplateInstance page(SlaPolicyRequest form, String error, String notice) {
        return Templates.sla(frames.current(), Viewer.of(currentUser.get()), policies.list(null), accounts.configuredKeys(), crm.tiers(),
                form, error, notice, policies.changes(20));
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            // Not a number: the caller answers with the form and the reason (see save).
            return null;
        }
    }
}
