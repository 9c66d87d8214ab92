package dev.signet.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.quarantine.QuarantineList;
import dev.signet.quarantine.QuarantineService;
import dev.signet.quarantine.QuarantineStatus;
import dev.signet.quarantine.ReplayRequest;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The quarantine for admins and leads: what X sent that Signet could not take, counted per reason, each with its
 * raw JSON (correctable) and a one-click replay. A refused replay shows as a problem page saying why.
 */
@Path("/admin/quarantine")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class QuarantinePage {

    /** Items shown at once. */
    static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quarantine(PageFrame frame, Viewer me, QuarantineList waiting, QuarantineList replayed,
                Long justReplayed);
    }

    private final QuarantineService quarantine;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public QuarantinePage(PageFrames frames, QuarantineService quarantine, CurrentUser currentUser) {
        this.frames = frames;
        this.quarantine = quarantine;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("replayed") Long replayed) {
        return Templates.quarantine(frames.current(), Viewer.of(currentUser.get()), quarantine.list(QuarantineStatus.QUARANTINED, PAGE),
                quarantine.list(QuarantineStatus.REPLAYED, 20), replayed);
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") long id, @FormParam("rawJson") String rawJson) {
        quarantine.replay(id, new ReplayRequest(rawJson));
        return Response.seeOther(URI.create("/admin/quarantine?replayed=" + id)).build();
    }
}
