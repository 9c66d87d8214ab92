package dev.signet.customer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * Customers as JSON: search, profile and timeline; CRM import (CSV) and upsert (JSON), export (CSV); linking,
 * suggestions, merges, pinned facts. Agents link and pin; only leads and admins import and merge.
 */
@Path("/api")
@Tag(name = "Customers")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class CustomerResource {

    /** What a link, unlink, merge, undo or unpin request may say: why (kept in the audit) and the other party. */
    public record ActionRequest(Long customerId, Long sourceCustomerId, String reason) {
    }

    public record FactRequest(String label, String value) {
    }

    /** The body of an internal note on a customer. */
    public record NoteRequest(String text) {
    }

    private final CustomerQueryService queries;
    private final CrmImportService imports;
    private final CrmExportService exports;
    private final IdentityLinkService links;
    private final CustomerMergeService merges;
    private final PinnedFactService facts;
    private final CurrentUser currentUser;

    public CustomerResource(CustomerQueryService queries, CrmImportService imports, CrmExportService exports,
            IdentityLinkService links, CustomerMergeService merges, PinnedFactService facts, CurrentUser currentUser) {
        this.queries = queries;
        this.imports = imports;
        this.exports = exports;
        this.links = links;
        this.merges = merges;
        this.facts = facts;
        this.currentUser = currentUser;
    }

    @GET
    @Path("customers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find customers by name, handle (current or past), CRM id or email")
    public List<CustomerViews.Hit> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return queries.search(q, limit);
    }

    @GET
    @Path("customers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public CustomerViews.Profile profile(@PathParam("id") long id) {
        return queries.profile(id);
    }

    @GET
    @Path("customers/{id}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every conversation, message and note of the customer across accounts, newest first")
    public CustomerViews.TimelinePage timeline(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(CustomerQueryService.LAST_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.timeline(id, page, size);
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
    public Response upsertBatch(List<CrmRecord> records, UriInfo uri) {
        if (records == null) {
            throw new CustomerActionException(400, "records-required", "Records required",
                    "Send a JSON array of CRM records, e.g. [{\"crmId\":\"C-1\",\"name\":\"Ann Able\"}].");
        }
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

    @POST
    @Path("identities/{id}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("id") long identityId, ActionRequest request) {
        if (request == null || request.customerId() == null) {
            throw new CustomerActionException(400, "missing-customer", "Missing customer", "Give customerId.");
        }
        links.link(identityId, request.customerId(), actor(), request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("identities/{id}/unlink")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unlink(@PathParam("id") long identityId, ActionRequest request) {
        links.unlink(identityId, actor(), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("suggestions/{id}/confirm")
    public Response confirm(@PathParam("id") long id) {
        links.confirm(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("suggestions/{id}/reject")
    public Response reject(@PathParam("id") long id) {
        links.reject(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("customers/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an internal note on the customer (never sent); @initials notify those colleagues")
    public Response note(@PathParam("id") long id, NoteRequest request) {
        CustomerViews.NoteAdded added = facts.addNote(id, currentUser.get(), request == null ? null : request.text());
        return Response.status(201).entity(added).build();
    }

    @POST
    @Path("customers/{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Merge sourceCustomerId into this customer (undoable)")
    public Response merge(@PathParam("id") long targetId, ActionRequest request) {
        if (request == null || request.sourceCustomerId() == null) {
            throw new CustomerActionException(400, "missing-customer", "Missing customer", "Give sourceCustomerId.");
        }
        long mergeId = merges.merge(request.sourceCustomerId(), targetId, actor(), request.reason());
        return Response.status(201).entity(Map.of("mergeId", mergeId)).build();
    }

    @POST
    @Path("merges/{id}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response undo(@PathParam("id") long mergeId, ActionRequest request) {
        merges.undo(mergeId, actor(), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("messages/{id}/facts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pin a fact the customer gave in this message; it shows on all their conversations")
    public Response pin(@PathParam("id") long messageId, FactRequest request) {
        long id = facts.pin(messageId, request == null ? null : request.label(), request == null ? null : request.value(),
                actor());
        return Response.status(201).entity(Map.of("factId", id)).build();
    }

    @DELETE
    @Path("facts/{id}")
    public Response unpin(@PathParam("id") long factId, @QueryParam("reason") String reason) {
        facts.unpin(factId, actor(), reason);
        return Response.noContent().build();
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
