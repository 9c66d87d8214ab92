package dev.signet.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.customer.CustomerMergeService;
import dev.signet.customer.CustomerQueryService;
import dev.signet.customer.CustomerViews;
import dev.signet.customer.IdentityLinkService;
import dev.signet.customer.PinnedFactService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Customers: search, and one customer's page (profile, identities with past handles, pinned facts, audit,
 * merges, one timeline across accounts and channels). The forms here also serve the conversation page's
 * customer include (link suggestions, pinned facts); they send the agent back where they came from.
 */
@Path("/customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CustomerPage {

    private static final int TIMELINE_PAGE = 25;
    /** Where a form may send the browser back to: our own pages only (no open redirect). */
    private static final Pattern BACK = Pattern.compile("^/(conversations|customers)/[0-9]+$");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(PageFrame frame, Viewer me, String q, List<CustomerViews.Hit> hits);

        static native TemplateInstance profile(PageFrame frame, Viewer me, CustomerViews.Profile c, CustomerViews.TimelinePage timeline,
                boolean canMerge, NoteNotice notes);
    }

    private final CustomerQueryService queries;
    private final IdentityLinkService links;
    private final CustomerMergeService merges;
    private final PinnedFactService facts;
    private final CurrentUser currentUser;
    private final PageFrames frames;
    private final NoteNotices notes;

    public CustomerPage(PageFrames frames, NoteNotices notes, CustomerQueryService queries, IdentityLinkService links, CustomerMergeService merges,
            PinnedFactService facts, CurrentUser currentUser) {
        this.frames = frames;
        this.notes = notes;
        this.queries = queries;
        this.links = links;
        this.merges = merges;
        this.facts = facts;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@QueryParam("q") String q) {
        return Templates.search(frames.current(), Viewer.of(currentUser.get()), q == null ? "" : q, queries.search(q, 50));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") @Min(0) @Max(CustomerQueryService.LAST_PAGE) int page) {
        AppUser me = currentUser.get();
        return Templates.profile(frames.current(), Viewer.of(me), queries.profile(id), queries.timeline(id, page, TIMELINE_PAGE),
                Role.LEAD.equals(me.role()) || Role.ADMIN.equals(me.role()), notes.current());
    }

    @POST
    @Path("{id}/notes")
    public Response note(@PathParam("id") long id, @FormParam("text") String text) {
        CustomerViews.NoteAdded added = facts.addNote(id, currentUser.get(), text);
        return Response.seeOther(URI.create("/customers/" + id + NoteNotice.query(added.mentioned(), added.unmatched())
                + "#notes")).build();
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response merge(@PathParam("id") long targetId, @FormParam("source") Long sourceId,
            @FormParam("reason") String reason) {
        if (sourceId == null) {
            throw new dev.signet.customer.CustomerActionException(400, "missing-customer", "Missing customer",
                    "Give the number of the customer to merge into this one.");
        }
        merges.merge(sourceId, targetId, actor(), reason);
        return back("/customers/" + targetId);
    }

    @POST
    @Path("merges/{mergeId}/undo")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response undo(@PathParam("mergeId") long mergeId, @FormParam("reason") String reason,
            @FormParam("back") String back) {
        merges.undo(mergeId, actor(), reason);
        return back(back);
    }

    @POST
    @Path("identities/{identityId}/link")
    public Response link(@PathParam("identityId") long identityId, @FormParam("customer") Long customerId,
            @FormParam("reason") String reason, @FormParam("back") String back) {
        if (customerId == null) {
            throw new dev.signet.customer.CustomerActionException(400, "missing-customer", "Missing customer",
                    "Give the number of the customer to link to.");
        }
        links.link(identityId, customerId, actor(), reason);
        return back(back);
    }

    @POST
    @Path("identities/{identityId}/unlink")
    public Response unlink(@PathParam("identityId") long identityId, @FormParam("reason") String reason,
            @FormParam("back") String back) {
        links.unlink(identityId, actor(), reason);
        return back(back);
    }

    @POST
    @Path("suggestions/{suggestionId}/confirm")
    public Response confirm(@PathParam("suggestionId") long suggestionId, @FormParam("back") String back) {
        links.confirm(suggestionId, actor());
        return back(back);
    }

    @POST
    @Path("suggestions/{suggestionId}/reject")
    public Response reject(@PathParam("suggestionId") long suggestionId, @FormParam("back") String back) {
        links.reject(suggestionId, actor());
        return back(back);
    }

    @POST
    @Path("facts")
    public Response pin(@FormParam("message") Long messageId, @FormParam("label") String label,
            @FormParam("value") String value, @FormParam("back") String back) {
        if (messageId == null) {
            throw new dev.signet.customer.CustomerActionException(400, "missing-message", "Missing message",
                    "Choose the message the fact comes from.");
        }
        facts.pin(messageId, label, value, actor());
        return back(back);
    }

    @POST
    @Path("facts/{factId}/unpin")
    public Response unpin(@PathParam("factId") long factId, @FormParam("reason") String reason,
            @FormParam("back") String back) {
        facts.unpin(factId, actor(), reason);
        return back(back);
    }

    private String actor() {
        return currentUser.get().username();
    }

    private static Response back(String back) {
        String target = back != null && BACK.matcher(back).matches() ? back : "/customers";
        return Response.seeOther(URI.create(target)).build();
    }
}
