package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.signet.channel.oauth.GrantView;
import dev.signet.channel.oauth.OAuth2Service;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "Connect account" and "Disconnect" of the channel health page (admins), and X's redirect back after the admin
 * authorized the app. The callback needs no login: Signet's session cookie is {@code SameSite=Strict}, which a
 * browser does not send on X's cross-site redirect. What binds the callback to the admin's browser instead is the
 * single-use state and a random cookie set when the admin clicked Connect ({@code SameSite=Lax}, so it does come
 * back with X's top-level redirect); the page it answers links back to Channel health.
 */
@Path("/")
public class OAuth2Page {

    static final String BINDING_COOKIE = "signet_oauth2_binding";
    static final String CALLBACK = "oauth2/x/callback";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connected(GrantView grant);
    }

    private final OAuth2Service oauth;
    private final CurrentUser currentUser;

    public OAuth2Page(OAuth2Service oauth, CurrentUser currentUser) {
        this.oauth = oauth;
        this.currentUser = currentUser;
    }

    @POST
    @Path("admin/accounts/{key}/oauth2/connect")
    @RolesAllowed(Role.ADMIN)
    public Response connect(@PathParam("key") String accountKey, @Context UriInfo uri) {
        OAuth2Service.ConnectStart start = oauth.begin(accountKey, currentUser.get().username());
        NewCookie binding = new NewCookie.Builder(BINDING_COOKIE).value(start.browserBinding()).path("/" + CALLBACK)
                .maxAge(600).httpOnly(true).secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(start.authorizeUrl())).cookie(binding).build();
    }

    @POST
    @Path("admin/accounts/{key}/oauth2/disconnect")
    @RolesAllowed(Role.ADMIN)
    public Response disconnect(@PathParam("key") String accountKey) {
        oauth.disconnect(accountKey, currentUser.get().username());
        return Response.seeOther(URI.create("/admin")).build();
    }

    @GET
    @Path(CALLBACK)
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @CookieParam(BINDING_COOKIE) String binding) {
        GrantView grant = oauth.complete(state, code, error, binding);
        NewCookie spent = new NewCookie.Builder(BINDING_COOKIE).value("").path("/" + CALLBACK).maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.ok(Templates.connected(grant)).cookie(spent).header("Cache-Control", "no-store").build();
    }
}
