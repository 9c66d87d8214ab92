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

import dev.signet.sentiment.MessageSentimentView;
import dev.signet.sentiment.SentimentCorrections;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One-click correction of a customer's message's sentiment from the conversation page (htmx or a plain form). */
@Path("/conversations/{cid}/messages/{mid}/sentiment")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class MessageSentimentPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sentiment(Viewer me, MessageSentimentView s, long cid);
    }

    private final SentimentCorrections corrections;
    private final CurrentUser currentUser;

    public MessageSentimentPage(SentimentCorrections corrections, CurrentUser currentUser) {
        this.corrections = corrections;
        this.currentUser = currentUser;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response correct(@PathParam("cid") long conversationId, @PathParam("mid") long messageId,
            @FormParam("sentiment") String sentiment, @HeaderParam("HX-Request") String htmx) {
        AppUser me = currentUser.get();
        MessageSentimentView view = corrections.correct(messageId, sentiment, me);
        if (htmx != null) {
            return Response.ok(Templates.sentiment(Viewer.of(me), view, conversationId)).build();
        }
        return Response.seeOther(URI.create("/conversations/" + conversationId + "#message-" + messageId)).build();
    }
}
