package dev.signet.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signet.care.routing.PresenceService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.BootstrapService;
import dev.signet.security.IdpUserAugmentor;
import dev.signet.security.Role;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The login form (posted to Quarkus' form authentication at /j_security_check), the company login (OIDC code flow,
 * started at {@value #COMPANY_LOGIN}, which is also the redirect URI registered at the identity provider), logout,
 * and the start page.
 */
@Path("/")
public class LoginPage {

    /** The cookie that holds the encrypted form-login session (Quarkus' default name). */
    static final String SESSION_COOKIE = "quarkus-credential";
    /** Prefix of the cookies of a company-login session (quarkus-oidc's default tenant; long ones come in chunks). */
    static final String COMPANY_SESSION_COOKIE = "q_session";
    static final String COMPANY_LOGIN = "/login/oidc";
    /** quarkus-oidc's logout path: it ends the session at the identity provider too (RP-initiated logout). */
    static final String COMPANY_LOGOUT = "/logout/oidc";
    /** The identity attribute under which quarkus-oidc keeps the provider's metadata. */
    private static final String OIDC_METADATA = "configuration-metadata";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageFrame frame, boolean error, boolean companyLogin, boolean bootstrap, boolean loggedOut);
    }

    private final SecurityIdentity identity;
    private final PresenceService presence;
    private final BootstrapService bootstrap;
    private final boolean companyLogin;
    private final PageFrames frames;

    public LoginPage(PageFrames frames, SecurityIdentity identity, PresenceService presence, BootstrapService bootstrap,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean companyLogin) {
        this.frames = frames;
        this.identity = identity;
        this.presence = presence;
        this.bootstrap = bootstrap;
        this.companyLogin = companyLogin;
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
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("loggedOut") boolean loggedOut) {
        return Templates.login(frames.current(), error, companyLogin, bootstrap.open(), loggedOut);
    }

    /**
     * The company login: an HTTP permission makes this path authenticated, so quarkus-oidc sends a visitor to the
     * identity provider, takes the code on the way back (this is the redirect URI) and opens the session; then this
     * sends the person to their start page.
     */
    @GET
    @Path("login/oidc")
    public Response companyLogin() {
        return Response.seeOther(URI.create(identity.isAnonymous() ? "/login" : "/")).build();
    }

    @POST
    @Path("logout")
    public Response logout(HttpHeaders headers) {
        // Logging out is going away: conversations are no longer offered back to this agent (continuity).
        if (!identity.isAnonymous()) {
            presence.loggedOut(identity.getPrincipal().getName());
        }
        NewCookie expired = expired(SESSION_COOKIE);
        if (identity.getAttribute(IdpUserAugmentor.COMPANY_LOGIN) != null && providerEndsSessions()) {
            return Response.seeOther(URI.create(COMPANY_LOGOUT)).cookie(expired).build();
        }
        // No company session, or a provider without an end-session endpoint: end Signet's own session only.
        List<NewCookie> cookies = new ArrayList<>(List.of(expired));
        for (Cookie cookie : headers.getCookies().values()) {
            if (cookie.getName().startsWith(COMPANY_SESSION_COOKIE)) {
                cookies.add(expired(cookie.getName()));
            }
        }
        return Response.seeOther(URI.create("/login?loggedOut=true")).cookie(cookies.toArray(NewCookie[]::new)).build();
    }

    private boolean providerEndsSessions() {
        return identity.getAttribute(OIDC_METADATA) instanceof OidcConfigurationMetadata metadata
                && metadata.getEndSessionUri() != null;
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).path("/").maxAge(0).value("").httpOnly(true).build();
    }
}
