package dev.signet.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationQueryService;
import dev.signet.care.QueueFilter;
import dev.signet.care.QueueResult;
import dev.signet.channel.ChannelAccountService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The queue page; an htmx request (every few seconds) gets only the rows. */
@Path("/queue")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class QueuePage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Viewer me, QueueResult result, List<String> accounts, String account,
                String kind, String query);

        static native TemplateInstance queue$rows(QueueResult result, String query);
    }

    private final ConversationQueryService conversations;
    private final ChannelAccountService accounts;
    private final CurrentUser currentUser;

    public QueuePage(ConversationQueryService conversations, ChannelAccountService accounts, CurrentUser currentUser) {
        this.conversations = conversations;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("account") String account, @QueryParam("kind") String kind,
            @QueryParam("page") @DefaultValue("0") int page, @HeaderParam("HX-Request") boolean htmx) {
        String accountFilter = account == null || account.isBlank() ? null : account;
        ConversationKind kindFilter = parseKind(kind);
        QueueResult result = conversations.queue(new QueueFilter(accountFilter, kindFilter, Math.max(0, page), PAGE_SIZE));
        String query = "account=" + (accountFilter == null ? "" : accountFilter) + "&kind="
                + (kindFilter == null ? "" : kindFilter.name()) + "&page=" + Math.max(0, page);
        if (htmx) {
            return Templates.queue$rows(result, query);
        }
        return Templates.queue(Viewer.of(currentUser.get()), result, accounts.configuredKeys(), accountFilter,
                kindFilter == null ? "" : kindFilter.name(), query);
    }

    private static ConversationKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return switch (kind) {
            case "PUBLIC" -> ConversationKind.PUBLIC;
            case "DM" -> ConversationKind.DM;
            default -> null;
        };
    }
}
