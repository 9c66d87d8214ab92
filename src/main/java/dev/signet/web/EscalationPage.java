package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.api.ProblemException;
import dev.signet.care.routing.EscalationRejectedException;
import dev.signet.care.routing.EscalationService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * The escalation forms of the conversation page: "same matter as #…" and a lead's de-escalation. Each posts, then goes back (post/redirect/get); a refusal goes back
 * with its reason shown on the page.
 */
@Path("/matters")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class EscalationPage {

    private final EscalationService escalations;
    private final CurrentUser currentUser;

    public EscalationPage(EscalationService escalations, CurrentUser currentUser) {
        this.escalations = escalations;
        this.currentUser = currentUser;
    }

    @POST
    @Path("{id}/link")
    @Produces(MediaType.TEXT_HTML)
    public Response link(@PathParam("id") long id, @FormParam("earlier") String earlier) {
        return act(id, "linked", () -> escalations.linkSameMatter(id, parseId(earlier), currentUser.get()));
    }

    @POST
    @Path("{id}/deescalate")
    @Produces(MediaType.TEXT_HTML)
    public Response deescalate(@PathParam("id") long id, @FormParam("reason") String reason) {
        return act(id, "deescalated", () -> escalations.deescalate(id, currentUser.get(), reason));
    }

    private Response act(long id, String done, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/conversations/" + id + "?done=" + done)).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.seeOther(URI.create("/conversations/" + id + "?refused=" + e.slug())).build();
        }
    }

    private static Long parseId(String value) {
        String digits = value == null ? "" : value.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,18}")) {
            throw EscalationRejectedException.matterRequired();
        }
        return Long.valueOf(digits);
    }
}
