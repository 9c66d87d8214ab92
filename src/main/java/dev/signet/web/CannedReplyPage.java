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
import dev.signet.channel.ChannelConfig;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.reply.CannedKind;
import dev.signet.reply.CannedReplyRequest;
import dev.signet.reply.CannedReplyService;
import dev.signet.reply.CannedReplyView;
import dev.signet.reply.CannedTemplate;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The canned-reply library ({@code /canned}): everyone who answers can search and read it; leads and admins add,
 * edit and delete entries (audited). A refused form comes back with its reason and what was typed.
 */
@Path("/canned")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CannedReplyPage {

    /** A brand account to choose for an entry. */
    public record AccountOption(String key, String handle) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(PageFrame frame, Viewer me, boolean editor, List<CannedReplyView> replies, String q,
                String account, List<AccountOption> accounts, List<CannedKind> kinds, String variables,
                CannedReplyRequest form, String error, String notice);

        static native TemplateInstance edit(PageFrame frame, Viewer me, CannedReplyView reply, List<AccountOption> accounts,
                List<CannedKind> kinds, String variables, CannedReplyRequest form, String error);
    }

    private final CannedReplyService canned;
    private final ChannelConfig channels;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public CannedReplyPage(PageFrames frames, CannedReplyService canned, ChannelConfig channels, CurrentUser currentUser) {
        this.frames = frames;
        this.canned = canned;
        this.channels = channels;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("account") String account,
            @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "created" -> "Canned reply added.";
            case "saved" -> "Canned reply saved.";
            case "deleted" -> "Canned reply deleted.";
            default -> null;
        };
        return library(q, account, new CannedReplyRequest("", "", account, "BOTH", ""), null, notice);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response create(@FormParam("title") String title, @FormParam("body") String body,
            @FormParam("account") String account, @FormParam("kind") String kind, @FormParam("tags") String tags) {
        CannedReplyRequest form = new CannedReplyRequest(title, body, account, kind, tags);
        try {
            canned.create(form, currentUser.get());
            return Response.seeOther(URI.create("/canned?done=created")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(library(null, null, form, e.detail(), null)).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public TemplateInstance edit(@PathParam("id") long id) {
        CannedReplyView reply = canned.get(id);
        return editPage(reply, new CannedReplyRequest(reply.title(), reply.body(), reply.accountKey(), reply.kind().name(),
                reply.tags()), null);
    }

    @POST
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response save(@PathParam("id") long id, @FormParam("title") String title, @FormParam("body") String body,
            @FormParam("account") String account, @FormParam("kind") String kind, @FormParam("tags") String tags) {
        CannedReplyRequest form = new CannedReplyRequest(title, body, account, kind, tags);
        try {
            canned.update(id, form, currentUser.get());
            return Response.seeOther(URI.create("/canned?done=saved")).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(editPage(canned.get(id), form, e.detail())).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response delete(@PathParam("id") long id) {
        canned.delete(id, currentUser.get());
        return Response.seeOther(URI.create("/canned?done=deleted")).build();
    }

    private TemplateInstance library(String q, String account, CannedReplyRequest form, String error, String notice) {
        AppUser me = currentUser.get();
        String filter = account == null || account.isBlank() ? null : account;
        List<CannedReplyView> replies = canned.search(q, filter != null && channels.accounts().containsKey(filter) ? filter : null, null);
        return Templates.library(frames.current(), Viewer.of(me), editor(me), replies, q == null ? "" : q, filter == null ? "" : filter,
                accounts(), List.of(CannedKind.values()), CannedTemplate.KNOWN, form, error, notice);
    }

    private TemplateInstance editPage(CannedReplyView reply, CannedReplyRequest form, String error) {
        return Templates.edit(frames.current(), Viewer.of(currentUser.get()), reply, accounts(), List.of(CannedKind.values()),
                CannedTemplate.KNOWN, form, error);
    }

    private static boolean editor(AppUser me) {
        return Role.LEAD.equals(me.role()) || Role.ADMIN.equals(me.role());
    }

    private List<AccountOption> accounts() {
        return channels.accounts().entrySet().stream()
                .map(e -> new AccountOption(e.getKey(), e.getValue().handle()))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
    }
}
