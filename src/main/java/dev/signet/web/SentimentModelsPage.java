package dev.signet.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.signet.api.ProblemException;
import dev.signet.channel.ChannelAccountService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.sentiment.EvaluationReport;
import dev.signet.sentiment.ModelVersionView;
import dev.signet.sentiment.SentimentAdaptation;
import dev.signet.sentiment.SentimentEvaluator;
import dev.signet.sentiment.SentimentModels;
import dev.signet.sentiment.SentimentResource;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Each brand account's sentiment model versions — which is active, whether each applies its label mix and why;
 * retrain, roll back (leads and admins) — and the evaluation of the models on a labelled file a lead or brand manager
 * uploads, shown side by side in place (htmx) or on the page.
 */
@Path("/admin/sentiment")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class SentimentModelsPage {

    /** One account's versions, newest first; none active means the shipped model scores it. */
    public record AccountModels(String accountKey, String handle, List<ModelVersionView> versions) {
        public boolean shippedActive() {
            return versions.stream().noneMatch(ModelVersionView::active);
        }
    }

    /** The evaluation form's state: what was chosen, and the report or the refusal. */
    public record EvaluationForm(String account, String fileName, boolean importAsCorrections,
            EvaluationReport report, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(PageFrame frame, Viewer me, boolean canManage, String shippedVersion,
                List<AccountModels> accounts, EvaluationForm evaluation, EvaluationLimits limits);

        static native TemplateInstance models$evaluation(boolean canManage, List<AccountModels> accounts,
                EvaluationForm evaluation, EvaluationLimits limits);
    }

    /** The upload limits, as the form states them. */
    public record EvaluationLimits(int minRows, int maxRows, long maxKiB) {
    }

    private final ChannelAccountService accounts;
    private final SentimentAdaptation adaptation;
    private final SentimentEvaluator evaluator;
    private final SentimentModels models;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public SentimentModelsPage(PageFrames frames, ChannelAccountService accounts, SentimentAdaptation adaptation,
            SentimentEvaluator evaluator, SentimentModels models, CurrentUser currentUser) {
        this.frames = frames;
        this.accounts = accounts;
        this.adaptation = adaptation;
        this.evaluator = evaluator;
        this.models = models;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN, Role.BRAND_MANAGER })
    public TemplateInstance show() {
        return page(new EvaluationForm(null, null, false, null, null));
    }

    /**
     * Evaluates an uploaded labelled file. With htmx the evaluation block comes back in place (200 also for a refused
     * file, so that htmx swaps the message in); without, the whole page with the block filled in.
     */
    @POST
    @Path("evaluations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN, Role.BRAND_MANAGER })
    public Response evaluate(@RestForm("file") FileUpload file, @RestForm("account") String account,
            @RestForm("importAsCorrections") String importAsCorrections, @HeaderParam("HX-Request") String htmx) {
        AppUser me = currentUser.get();
        boolean doImport = importAsCorrections != null && !importAsCorrections.isBlank()
                && !"false".equalsIgnoreCase(importAsCorrections);
        String fileName = file == null ? null : file.fileName();
        EvaluationForm form;
        int status = 200;
        try {
            EvaluationReport report = evaluator.evaluate(account, SentimentResource.read(file), doImport, me);
            form = new EvaluationForm(account, fileName, doImport, report, null);
        } catch (ProblemException e) {
            form = new EvaluationForm(account, fileName, doImport, null, e.detail());
            status = htmx != null ? 200 : e.status();
        }
        if (htmx != null) {
            return Response.status(status)
                    .entity(Templates.models$evaluation(canManage(me), accountModels(), form, limits())).build();
        }
        return Response.status(status).entity(page(form)).build();
    }

    @POST
    @Path("{account}/retrain")
    public Response retrain(@PathParam("account") String account) {
        adaptation.retrain(account);
        return Response.seeOther(URI.create("/admin/sentiment")).build();
    }

    @POST
    @Path("{account}/activate")
    public Response activate(@PathParam("account") String account, @FormParam("number") int number) {
        adaptation.activate(account, number, currentUser.get().username());
        return Response.seeOther(URI.create("/admin/sentiment")).build();
    }

    private TemplateInstance page(EvaluationForm form) {
        AppUser me = currentUser.get();
        return Templates.models(frames.current(), Viewer.of(me), canManage(me), models.shipped().version(), accountModels(), form,
                limits());
    }

    private List<AccountModels> accountModels() {
        return accounts.health().stream()
                .map(a -> new AccountModels(a.accountKey(), a.handle(), adaptation.versions(a.accountKey())))
                .toList();
    }

    private EvaluationLimits limits() {
        var limits = evaluator.limits();
        return new EvaluationLimits(limits.minRows(), limits.maxRows(), limits.maxBytes() / 1024);
    }

    private static boolean canManage(AppUser me) {
        return Role.LEAD.equals(me.role()) || Role.ADMIN.equals(me.role());
    }
}
