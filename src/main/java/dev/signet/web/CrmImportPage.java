package dev.signet.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.signet.customer.CrmFileRejectedException;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.ImportReport;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** CRM import for leads and admins: upload a CSV file, see the per-row report; and export every customer. */
@Path("/admin/crm")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class CrmImportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crm(PageFrame frame, Viewer me, ImportReport report, String fileName, String error);
    }

    private final CrmImportService imports;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public CrmImportPage(PageFrames frames, CrmImportService imports, CurrentUser currentUser) {
        this.frames = frames;
        this.imports = imports;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return Templates.crm(frames.current(), Viewer.of(currentUser.get()), null, null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file) {
        Viewer me = Viewer.of(currentUser.get());
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(Templates.crm(frames.current(), me, null, null, "Choose a CSV file to import.")).build();
        }
        try {
            ImportReport report = imports.importCsv(dev.signet.customer.CrmResource.read(file), currentUser.get().username());
            return Response.status(report.applied() ? 200 : 422).entity(Templates.crm(frames.current(), me, report, file.fileName(), null)).build();
        } catch (CrmFileRejectedException e) {
            return Response.status(e.status()).entity(Templates.crm(frames.current(), me, null, file.fileName(), e.detail())).build();
        }
    }
}
