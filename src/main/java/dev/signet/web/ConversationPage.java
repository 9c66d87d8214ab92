package dev.signet.web;

import java.net.URI;

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

import dev.signet.care.ConversationDetail;
import dev.signet.care.ConversationQueryService;
import dev.signet.reply.DeliveryStatus;
import dev.signet.reply.ReplyPreview;
import dev.signet.reply.ReplyRejectedException;
import dev.signet.reply.ReplyService;
import dev.signet.reply.ReplyView;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One conversation: the thread, the customer panel and the compose box with signature and live counter. */
@Path("/conversations/{id}")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conversation(Viewer me, ConversationDetail c, ReplyPreview preview, String draft,
                String error, String notice);

        static native TemplateInstance conversation$counter(ReplyPreview preview);
    }

    private final ConversationQueryService conversations;
    private final ReplyService replies;
    private final CurrentUser currentUser;

    public ConversationPage(ConversationQueryService conversations, ReplyService replies, CurrentUser currentUser) {
        this.conversations = conversations;
        this.replies = replies;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("sent") String sent) {
        String notice = switch (sent == null ? "" : sent) {
            case "SENT" -> "Reply published on X.";
            case "PENDING", "PUBLISHING" -> "Reply stored; X did not answer yet, Signet keeps trying.";
            default -> null;
        };
        return page(id, "", null, notice);
    }

    @POST
    @Path("reply")
    @Produces(MediaType.TEXT_HTML)
    public Response reply(@PathParam("id") long id, @FormParam("text") String text) {
        try {
            ReplyView sent = replies.send(id, text, currentUser.get());
            if (sent.delivery() == DeliveryStatus.FAILED) {
                return Response.status(502).entity(page(id, "", "X refused the reply: " + sent.error()
                        + " Your reply is kept in the thread: press Retry under it once the cause is fixed.", null)).build();
            }
            return Response.seeOther(URI.create("/conversations/" + id + "?sent=" + sent.delivery().name())).build();
        } catch (ReplyRejectedException e) {
            // Keep what the agent typed: nothing is lost on a refused reply.
            return Response.status(e.status()).entity(page(id, text == null ? "" : text, e.detail(), null)).build();
        }
    }

    @POST
    @Path("length")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance length(@PathParam("id") long id, @FormParam("text") String text) {
        return Templates.conversation$counter(replies.preview(id, text, currentUser.get()));
    }

    private TemplateInstance page(long id, String draft, String error, String notice) {
        AppUser me = currentUser.get();
        ConversationDetail detail = conversations.detail(id, null, ConversationQueryService.THREAD_PAGE);
        return Templates.conversation(Viewer.of(me), detail, replies.preview(id, draft, me), draft, error, notice);
    }
}
