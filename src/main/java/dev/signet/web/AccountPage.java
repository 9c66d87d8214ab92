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
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import dev.signet.security.CurrentUser;
import dev.signet.security.PasswordRejectedException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A local user's own password: changed here (the first admin made by the bootstrap must, before anything else). */
@Path("/account/password")
@Authenticated
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(PageFrame frame, Viewer me, boolean required, boolean external);
    }

    private final CurrentUser currentUser;
    private final AppUserService users;
    private final PageFrames frames;

    public AccountPage(PageFrames frames, CurrentUser currentUser, AppUserService users) {
        this.frames = frames;
        this.currentUser = currentUser;
        this.users = users;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        AppUser me = currentUser.get();
        return Templates.password(frames.current(), Viewer.of(me), me.mustChangePassword(), me.external());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response change(@FormParam("current") String current, @FormParam("password") String password,
            @FormParam("repeat") String repeat) {
        if (password == null || !password.equals(repeat)) {
            throw PasswordRejectedException.mismatch();
        }
        users.changePassword(currentUser.get().username(), current, password);
        return Response.seeOther(URI.create("/")).build();
    }
}
