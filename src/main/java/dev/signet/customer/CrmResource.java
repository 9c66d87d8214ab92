package dev.signet.customer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.signet.api.Problem;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * The CRM's customers: upsert one or many (JSON), import a CSV file, export every customer as CSV. Only leads and
 * admins write or export; a refused import answers 422 with its per-row report and changes nothing.
 */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CrmResource {

    private final CrmImportService imports;
    private final CrmExportService exports;
    private final CurrentUser currentUser;

    public CrmResource(CrmImportService imports, CrmExportService exports, CurrentUser currentUser) {
        this.imports = imports;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @PUT
    @Path("customers/crm/{crmId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Create or update one customer by CRM id")
    public Response upsertOne(@PathParam("crmId") String crmId, CrmRecord record, UriInfo uri) {
        CrmRecord body = record == null ? new CrmRecord(crmId, null, null, null, null, null, null, null, null) : record;
        CrmRecord withId = new CrmRecord(crmId, body.name(), body.email(), body.loyaltyTier(), body.lifetimeValue(),
                body.tags(), body.xUserId(), body.xHandle(), body.notes());
        return answer(imports.upsert(List.of(withId), actor()), uri);
    }

    @POST
    @Path("customers/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Create or update many customers at once: all or nothing")
    public Response upsertBatch(@NotNull(message = "{signet.problem.records-required}") List<CrmRecord> records,
            UriInfo uri) {
        return answer(imports.upsert(records, actor()), uri);
    }

    @POST
    @Path("customers/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Import a CRM CSV file (UTF-8, ≤ 10 MB): all or nothing, with a per-row report")
    public Response importCsv(byte[] file, UriInfo uri) {
        return answer(imports.importCsv(file == null ? new byte[0] : file, actor()), uri);
    }

    @POST
    @Path("customers/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response importMultipart(@RestForm("file") FileUpload file, UriInfo uri) {
        return answer(imports.importCsv(read(file), actor()), uri);
    }

    @GET
    @Path("customers/export")
    @Produces("text/csv")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Every customer as CSV (the import's columns), safe to open in a spreadsheet")
    public Response export() {
        String actor = actor();
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            exports.export(writer, actor);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"customers.csv\"").build();
    }

    private Response answer(ImportReport report, UriInfo uri) {
        if (report.applied()) {
            return Response.ok(report).build();
        }
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(ImportProblem.of(report, uri.getPath())).build();
    }

    /** The bytes of an uploaded file (the HTTP body limit bounds its size). */
    public static byte[] read(FileUpload file) {
        if (file == null) {
            throw new CustomerActionException(400, "missing-file", "No file", "Choose a CSV file to import.");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the uploaded file", e);
        }
    }

    private String actor() {
        return currentUser.get().username();
    }
}
