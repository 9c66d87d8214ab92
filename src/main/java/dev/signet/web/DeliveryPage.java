package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.care.Delivery;
import dev.signet.reply.DeliveryStatus;
import dev.signet.reply.ReplyService;
import dev.signet.reply.ReplyView;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The Retry button of a reply X did not take (shown on the conversation page by the {@code delivery} tag): with
 * htmx it answers the reply's delivery box, otherwise it goes back to the conversation.
 */
@Path("/conversations/{id}/replies/{replyId}/retry")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class DeliveryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance delivery(long replyId, Delivery delivery, long conversationId, String notice);
    }

    private final ReplyService replies;

    public DeliveryPage(ReplyService replies) {
        this.replies = replies;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response retry(@PathParam("id") long id, @PathParam("replyId") long replyId,
            @HeaderParam("HX-Request") String htmx) {
        ReplyView view = replies.retry(id, replyId);
        if (!"true".equals(htmx)) {
            return Response.seeOther(URI.create("/conversations/" + id + "?sent=" + view.delivery().name())).build();
        }
        String notice = view.delivery() == DeliveryStatus.SENT ? "Published on X." : null;
        return Response.ok(Templates.delivery(replyId, new Delivery(view.delivery().name(), view.error()), id, notice))
                .build();
    }
}
