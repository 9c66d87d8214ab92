package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.insight.MarketFeedbackRequest;
import dev.signet.insight.MarketFeedbackService;
import dev.signet.insight.MarketFeedbackView;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One-click market-feedback flag on a customer's message from the conversation page (htmx or a plain form). */
@Path("/conversations/{cid}/messages/{mid}/market-feedback")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class MarketFeedbackPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedback(Viewer me, long messageId, MarketFeedbackView f, long cid);
    }

    private final MarketFeedbackService feedback;
    private final CurrentUser currentUser;

    public MarketFeedbackPage(MarketFeedbackService feedback, CurrentUser currentUser) {
        this.feedback = feedback;
        this.currentUser = currentUser;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response flag(@PathParam("cid") long conversationId, @PathParam("mid") long messageId,
            @FormParam("category") String category, @FormParam("note") String note, @HeaderParam("HX-Request") String htmx) {
        AppUser me = currentUser.get();
        MarketFeedbackView view = feedback.flag(messageId, new MarketFeedbackRequest(category, note), me);
        return answer(conversationId, messageId, view, htmx, me);
    }

    @POST
    @Path("remove")
    @Produces(MediaType.TEXT_HTML)
    public Response unflag(@PathParam("cid") long conversationId, @PathParam("mid") long messageId,
            @HeaderParam("HX-Request") String htmx) {
        feedback.unflag(messageId);
        return answer(conversationId, messageId, null, htmx, currentUser.get());
    }

    private static Response answer(long conversationId, long messageId, MarketFeedbackView view, String htmx, AppUser me) {
        if (htmx != null) {
            return Response.ok(Templates.feedback(Viewer.of(me), messageId, view, conversationId)).build();
        }
        return Response.seeOther(URI.create("/conversations/" + conversationId + "#message-" + messageId)).build();
    }
}
