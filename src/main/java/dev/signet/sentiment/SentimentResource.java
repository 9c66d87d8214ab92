package dev.signet.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * Sentiment as JSON: a message's score, agents' corrections, each account's model versions and rollback, and the
 * evaluation of the models on a brand's labelled file.
 */
@Path("/api/sentiment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sentiment")
public class SentimentResource {

    /** A correction: the right label for the message. */
    public record CorrectionRequest(String sentiment) {
    }

    /** Which version of the account's model to use; 0 is the shipped model. */
    public record ActivationRequest(
            @NotNull(message = INVALID_VERSION) @Min(value = 0, message = INVALID_VERSION) Integer number) {

        private static final String INVALID_VERSION = "{signet.problem.invalid-version}";
    }

    private final SentimentCorrections corrections;
    private final SentimentAdaptation adaptation;
    private final SentimentEvaluator evaluator;
    private final CurrentUser currentUser;

    public SentimentResource(SentimentCorrections corrections, SentimentAdaptation adaptation,
            SentimentEvaluator evaluator, CurrentUser currentUser) {
        this.corrections = corrections;
        this.adaptation = adaptation;
        this.evaluator = evaluator;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/messages/{id}")
    @RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN, Role.BRAND_MANAGER })
    @Operation(summary = "A message's sentiment: the model's label and confidence, and an agent's correction if any")
    public MessageSentimentView message(@PathParam("id") long id) {
        return corrections.of(id);
    }

    @POST
    @Path("/messages/{id}/correction")
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a customer's message's sentiment (positive, neutral, negative); the brand's model learns from it")
    public MessageSentimentView correct(@PathParam("id") long id, CorrectionRequest request) {
        return corrections.correct(id, request == null ? null : request.sentiment(), currentUser.get());
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed({ Role.LEAD, Role.ADMIN, Role.BRAND_MANAGER })
    @Consumes({ "text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Evaluate the shipped model, the account's active version and the lexicon baseline on a labelled "
            + "CSV or TSV file (text and label columns, at least 50 rows): macro-F1, macro-recall, accuracy, per-class F1, "
            + "confusion matrices, misclassified examples. Nothing is stored unless importAsCorrections=true (leads, admins)")
    public EvaluationReport evaluate(@QueryParam("account") String account,
            @QueryParam("importAsCorrections") @DefaultValue("false") boolean importAsCorrections, byte[] file) {
        return evaluator.evaluate(account, file, importAsCorrections, currentUser.get());
    }

    /** An uploaded file's bytes (the admin page's multipart form); no file is an empty one (refused as such). */
    public static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the uploaded file", e);
        }
    }

    @GET
    @Path("/accounts/{account}/versions")
    @RolesAllowed({ Role.LEAD, Role.ADMIN, Role.BRAND_MANAGER })
    @Operation(summary = "The account's sentiment model versions, newest first (none active: the shipped model)")
    public List<ModelVersionView> versions(@PathParam("account") String account) {
        return adaptation.versions(account);
    }

    @POST
    @Path("/accounts/{account}/versions")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Operation(summary = "Retrain the account's model now on its corrections and traffic; the new version becomes active")
    public Response retrain(@PathParam("account") String account) {
        ModelVersionView created = adaptation.retrain(account);
        return Response.created(URI.create("/api/sentiment/accounts/" + account + "/versions")).entity(created).build();
    }

    @PUT
    @Path("/accounts/{account}/active")
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate a version (roll back); number 0 goes back to the shipped model")
    public List<ModelVersionView> activate(@PathParam("account") String account,
            @NotNull(message = ActivationRequest.INVALID_VERSION) @Valid ActivationRequest request) {
        return adaptation.activate(account, request.number(), currentUser.get().username());
    }
}
