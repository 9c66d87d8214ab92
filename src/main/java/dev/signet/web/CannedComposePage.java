package dev.signet.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signet.reply.CannedRendering;
import dev.signet.reply.CannedReplyService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The compose box's canned-reply search (htmx, as the agent types): the entries fitting the conversation's account
 * and kind, each already filled for it; {@code canned.js} inserts the one picked at the cursor of the reply box.
 * The search box itself is the include {@code CannedComposePage/search}.
 */
@Path("/conversations/{id}/canned")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class CannedComposePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance suggestions(List<CannedRendering> results, String q);
    }

    private final CannedReplyService canned;
    private final CurrentUser currentUser;

    public CannedComposePage(CannedReplyService canned, CurrentUser currentUser) {
        this.canned = canned;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@PathParam("id") long id, @QueryParam("q") String q) {
        return Templates.suggestions(canned.suggestions(id, q, currentUser.get()), q == null ? "" : q.strip());
    }
}
