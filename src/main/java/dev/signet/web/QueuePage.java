package dev.signet.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationQueryService;
import dev.signet.care.ConversationStatus;
import dev.signet.care.promise.PromiseStats;
import dev.signet.care.promise.PromiseStatsService;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueResult;
import dev.signet.care.routing.PresenceService;
import dev.signet.care.routing.PresenceView;
import dev.signet.channel.ChannelAccountService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The queue page, highest priority first, each row with the reasons of its score and who holds it. It stays live
 * through the server-sent events of {@code /api/queue/events} (js/queue-live.js): on each change htmx refetches
 * the rows (an htmx request gets only the rows fragment); a slow poll is the fallback. The header shows the team's
 * promised updates (overdue now; kept and broken over 7 days), never a per-agent figure.
 */
@Path("/queue")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class QueuePage {

    private static final int PAGE_SIZE = 50;
    /** The period of the promise figures in the header. */
    private static final int PROMISE_DAYS = 7;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageFrame frame, Viewer me, QueueResult result, List<String> accounts, Filters filters,
                String query, PromiseStats promises, PresenceView presence);

        static native TemplateInstance queue$promises(PromiseStats promises, Filters filters);

        static native TemplateInstance queue$rows(QueueResult result, String query);
    }

    /** The filters as the form shows them (empty strings for "any"). */
    public record Filters(String account, String kind, String status, String holder, String escalated,
            String breachingSoon) {

        public Filters(String account, String kind, String status, String holder, String escalated) {
            this(account, kind, status, holder, escalated, "");
        }

        String query(int page) {
            return "account=" + encode(account) + "&kind=" + kind + "&status=" + status + "&holder=" + holder
                    + "&escalated=" + escalated + "&breachingSoon=" + breachingSoon + "&page=" + page;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final ConversationQueryService conversations;
    private final ChannelAccountService accounts;
    private final CurrentUser currentUser;
    private final PresenceService presence;
    private final PromiseStatsService promiseStats;
    private final PageFrames frames;
    private final EscalationContext escalation;

    public QueuePage(PageFrames frames, EscalationContext escalation, ConversationQueryService conversations, ChannelAccountService accounts, CurrentUser currentUser,
            PresenceService presence, PromiseStatsService promiseStats) {
        this.frames = frames;
        this.escalation = escalation;
        this.promiseStats = promiseStats;
        this.conversations = conversations;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.presence = presence;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@QueryParam("account") String account, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("holder") String holder,
            @QueryParam("escalated") String escalated, @QueryParam("breachingSoon") String breachingSoon,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueueFilter.MAX_PAGE) int page,
            @HeaderParam("HX-Request") boolean htmx) {
        AppUser me = currentUser.get();
        String accountFilter = account == null || account.isBlank() ? null : account;
        ConversationKind kindFilter = parse(ConversationKind.class, kind);
        ConversationStatus statusFilter = parse(ConversationStatus.class, status);
        QueueFilter.Holder holderFilter = parse(QueueFilter.Holder.class, holder);
        Boolean escalatedFilter = "true".equals(escalated) ? Boolean.TRUE : "false".equals(escalated) ? Boolean.FALSE : null;
        int safePage = Math.max(0, page);
        QueueResult result = conversations.queue(new QueueFilter(accountFilter, kindFilter, statusFilter, escalatedFilter,
                holderFilter, me.id(), safePage, PAGE_SIZE, "true".equals(breachingSoon)));
        Filters filters = new Filters(accountFilter == null ? "" : accountFilter, name(kindFilter), name(statusFilter),
                holderFilter == null || holderFilter == QueueFilter.Holder.ANY ? "" : holderFilter.name(),
                escalatedFilter == null ? "" : escalatedFilter.toString(), "true".equals(breachingSoon) ? "true" : "");
        String query = filters.query(safePage);
        if (htmx) {
            return Templates.queue$rows(result, query);
        }
        // Opening the queue counts as being at work (presence: on shift stays on shift).
        presence.seen(me);
        return Templates.queue(frames.current(), Viewer.of(me), result, accounts.configuredKeys(), filters, query,
                promiseStats.stats(accountFilter, PROMISE_DAYS), escalation.presence());
    }

    /** The team's promised-update figures (header line), refetched live like the rows. */
    @GET
    @Path("promises")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance promises(@QueryParam("account") String account) {
        String accountFilter = account == null || account.isBlank() ? null : account;
        return Templates.queue$promises(promiseStats.stats(accountFilter, PROMISE_DAYS),
                new Filters(accountFilter == null ? "" : accountFilter, "", "", "", ""));
    }

    /** An enum constant from a query parameter; anything else (blank, unknown) means "any". */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
