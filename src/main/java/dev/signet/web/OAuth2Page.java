package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.signet.channel.oauth.OAuth2Service;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * "Connect account" and "Disconnect" of the channel health page (admins). X's redirect back goes to
 * {@link OAuth2CallbackPage}, which needs no login: Signet's session cookie is {@code SameSite=Strict}, which a
 * browser does not send on X's cross-site redirect. What binds the callback to the admin's browser instead is the
 * single-use state and a random cookie set when the admin clicked Connect ({@code SameSite=Lax}, so it does come
 * back with X's top-level redirect); the page it answers links back to Channel health.
 */
@Path("/admin/accounts/{key}/oauth2")
public class OAuth2Page {

    static final String BINDING_COOKIE = "signet_oauth2_binding";
    static final String CALLBACK = "oauth2/x/callback";

    private final OAuth2Service oauth;
    private final CurrentUser currentUser;

    public OAuth2Page(OAuth2Service oauth, CurrentUser currentUser) {
        this.oauth = oauth;
        this.currentUser = currentUser;
    }

    @POST
    @Path("connect")
    @RolesAllowed(Role.ADMIN)
    public Response connect(@PathParam("key") String accountKey, @Context UriInfo uri) {
        OAuth2Service.ConnectStart start = oauth.begin(accountKey, currentUser.get().username());
        NewCookie binding = new NewCookie.Builder(BINDING_COOKIE).value(start.browserBinding()).path("/" + CALLBACK)
                .maxAge(600).httpOnly(true).secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(start.authorizeUrl())).cookie(binding).build();
    }

    @POST
    @Path("disconnect")
    @RolesAllowed(Role.ADMIN)
    public Response disconnect(@PathParam("key") String accountKey) {
        oauth.disconnect(accountKey, currentUser.get().username());
        return Response.seeOther(URI.create("/admin")).build();
    }
}
