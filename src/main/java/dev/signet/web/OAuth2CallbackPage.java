package dev.signet.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.signet.channel.oauth.GrantView;
import dev.signet.channel.oauth.OAuth2Service;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * X's redirect back after the admin authorized the app ({@link OAuth2Page} explains why it needs no login): the
 * state and browser binding are checked, the code exchanged, and a page links back to Channel health.
 */
@Path("/" + OAuth2Page.CALLBACK)
public class OAuth2CallbackPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connected(GrantView grant);
    }

    private final OAuth2Service oauth;

    public OAuth2CallbackPage(OAuth2Service oauth) {
        this.oauth = oauth;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @CookieParam(OAuth2Page.BINDING_COOKIE) String binding) {
        GrantView grant = oauth.complete(state, code, error, binding);
        NewCookie spent = new NewCookie.Builder(OAuth2Page.BINDING_COOKIE).value("").path("/" + OAuth2Page.CALLBACK).maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.ok(Templates.connected(grant)).cookie(spent).header("Cache-Control", "no-store").build();
    }
}
