package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.care.routing.PresenceService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/** The on shift / away toggle of the queue page (template {@code EscalationPage/presence}). */
@Path("/presence")
@RolesAllowed({ Role.AGENT, Role.LEAD })
public class PresencePage {

    private final PresenceService presence;
    private final CurrentUser currentUser;

    public PresencePage(PresenceService presence, CurrentUser currentUser) {
        this.presence = presence;
        this.currentUser = currentUser;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response mark(@FormParam("status") String status) {
        presence.mark(currentUser.get(), "ON_SHIFT".equals(status));
        return Response.seeOther(URI.create("/queue")).build();
    }
}
