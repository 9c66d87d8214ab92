package dev.signet.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditFilter;
import dev.signet.audit.AuditList;
import dev.signet.audit.AuditResource;
import dev.signet.audit.AuditTrail;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The audit log for admins: filters (actor, action, target, period), pages of 50 newest first, and the filtered
 * entries as CSV (the download is itself audited).
 */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN)
public class AuditPage {

    /** Entries per page. */
    static final int PAGE = 50;

    /** The filter form as typed, to show it again. */
    public record Form(String actor, String action, String targetType, String targetId, String from, String to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(PageFrame frame, Viewer me, Form form, List<String> actions, AuditList list, String query);
    }

    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public AuditPage(PageFrames frames, AuditTrail audit, CurrentUser currentUser) {
        this.frames = frames;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page) {
        Form form = new Form(actor, action, targetType, targetId, from, to);
        AuditList list = audit.list(AuditFilter.parse(actor, action, targetType, targetId, from, to), page, PAGE);
        return Templates.audit(frames.current(), Viewer.of(currentUser.get()), form,
                Arrays.stream(AuditAction.values()).map(Enum::name).toList(), list, query(form));
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return AuditResource.csv(audit, AuditFilter.parse(actor, action, targetType, targetId, from, to),
                currentUser.get().username());
    }

    /** The filter as a query string (without page), for the pager and the CSV link. */
    static String query(Form form) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", form.actor());
        fields.put("action", form.action());
        fields.put("targetType", form.targetType());
        fields.put("targetId", form.targetId());
        fields.put("from", form.from());
        fields.put("to", form.to());
        return fields.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
