package dev.signet.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The team for admins: who logs in how, and who is locked out after failed logins (unlocked here). */
@Path("/users")
@RolesAllowed(Role.ADMIN)
public class UsersPage {

    /** One team member as the page shows them. */
    public record Row(String username, String displayName, String initials, String role, boolean external,
            int failedLogins, Instant lockedUntil) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(PageFrame frame, Viewer me, List<Row> users);
    }

    private final AppUserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PageFrames frames;

    public UsersPage(PageFrames frames, AppUserService users, CurrentUser currentUser, Clock clock) {
        this.frames = frames;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        Instant now = clock.instant();
        List<Row> rows = users.all().stream().map(u -> row(u, now)).toList();
        return Templates.users(frames.current(), Viewer.of(currentUser.get()), rows);
    }

    @POST
    @Path("{username}/unlock")
    @Produces(MediaType.TEXT_HTML)
    public Response unlock(@PathParam("username") String username) {
        users.unlock(username);
        return Response.seeOther(URI.create("/users")).build();
    }

    private static Row row(AppUser u, Instant now) {
        return new Row(u.username(), u.displayName(), u.initials(), u.role(), u.external(), u.failedLogins(),
                u.lockedAt(now) ? u.lockedUntil() : null);
    }
}
