package dev.signet.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.signet.care.routing.PresenceService;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The login form (posted to Quarkus' form authentication at /j_security_check), logout, and the start page. */
@Path("/")
public class LoginPage {

    /** The cookie that holds the encrypted form-login session (Quarkus' default name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    private final SecurityIdentity identity;
    private final PresenceService presence;

    public LoginPage(SecurityIdentity identity, PresenceService presence) {
        this.identity = identity;
        this.presence = presence;
    }

    /** Where each role starts: brand managers on their insights, everyone else on the queue. */
    @GET
    public Response start() {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        boolean insightsOnly = identity.hasRole(Role.BRAND_MANAGER) && !identity.hasRole(Role.ADMIN);
        return Response.seeOther(URI.create(insightsOnly ? "/insights" : "/queue")).build();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    @POST
    @Path("logout")
    public Response logout() {
        // Logging out is going away: conversations are no longer offered back to this agent (continuity).
        if (!identity.isAnonymous()) {
            presence.loggedOut(identity.getPrincipal().getName());
        }
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).value("").httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
