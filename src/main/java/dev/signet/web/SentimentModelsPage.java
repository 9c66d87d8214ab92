package dev.signet.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.channel.ChannelAccountService;
import dev.signet.insight.ModelVersionView;
import dev.signet.insight.SentimentAdaptation;
import dev.signet.insight.SentimentModels;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Each brand account's sentiment model versions, for leads and admins: which is active, retrain, roll back. */
@Path("/admin/sentiment")
@RolesAllowed({ Role.LEAD, Role.ADMIN })
public class SentimentModelsPage {

    /** One account's versions, newest first; none active means the shipped model scores it. */
    public record AccountModels(String accountKey, String handle, List<ModelVersionView> versions) {
        public boolean shippedActive() {
            return versions.stream().noneMatch(ModelVersionView::active);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(Viewer me, String shippedVersion, List<AccountModels> accounts);
    }

    private final ChannelAccountService accounts;
    private final SentimentAdaptation adaptation;
    private final SentimentModels models;
    private final CurrentUser currentUser;

    public SentimentModelsPage(ChannelAccountService accounts, SentimentAdaptation adaptation, SentimentModels models, CurrentUser currentUser) {
        this.accounts = accounts;
        this.adaptation = adaptation;
        this.models = models;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        List<AccountModels> list = accounts.health().stream()
                .map(a -> new AccountModels(a.accountKey(), a.handle(), adaptation.versions(a.accountKey())))
                .toList();
        return Templates.models(Viewer.of(currentUser.get()), models.shipped().version(), list);
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
        adaptation.activate(account, number);
        return Response.seeOther(URI.create("/admin/sentiment")).build();
    }
}
