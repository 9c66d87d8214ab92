package dev.signet.web;

import java.net.URI;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.BootstrapService;
import dev.signet.security.PasswordRejectedException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The first admin of an install that uses local passwords, made once with the one-time token from the environment
 * (see {@link BootstrapService}); open to visitors who are not logged in, dead once used.
 */
@Path("/bootstrap")
public class BootstrapPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bootstrap(PageFrame frame, boolean open);
    }

    private final BootstrapService bootstrap;
    private final PageFrames frames;

    public BootstrapPage(PageFrames frames, BootstrapService bootstrap) {
        this.frames = frames;
        this.bootstrap = bootstrap;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.bootstrap(frames.current(), bootstrap.open());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("token") String token, @FormParam("username") String username,
            @FormParam("displayName") String displayName, @FormParam("password") String password,
            @FormParam("repeat") String repeat) {
        if (password == null || !password.equals(repeat)) {
            throw PasswordRejectedException.mismatch();
        }
        bootstrap.createFirstAdmin(token, username, displayName, password);
        return Response.seeOther(URI.create("/login")).build();
    }
}
