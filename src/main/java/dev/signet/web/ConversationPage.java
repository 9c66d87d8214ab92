package dev.signet.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.api.CleanText;
import dev.signet.api.ProblemException;
import dev.signet.care.CareService;
import dev.signet.care.ConversationDetail;
import dev.signet.care.ConversationHeldException;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationQueryService;
import dev.signet.care.ConversationStatus;
import dev.signet.care.StatusChangeException;
import dev.signet.care.promise.PromiseRequest;
import dev.signet.care.promise.PromiseTime;
import dev.signet.care.routing.PresenceService;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.reply.DeliveryStatus;
import dev.signet.reply.ReplyPreview;
import dev.signet.reply.ReplyRejectedException;
import dev.signet.reply.ReplyService;
import dev.signet.reply.ReplyTarget;
import dev.signet.reply.ReplyView;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One conversation: the thread, the customer panel, the compose box with signature and live counter, and the
 * care actions (claim, release, status, hand-off) with who holds it, the customer's clock and the priority.
 */
@Path("/conversations/{id}")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conversation(PageFrame frame, Viewer me, ConversationDetail c, ReplyPreview preview, String draft,
                String error, String notice, boolean mine, List<Teammate> teammates, List<ConversationStatus> moves,
                PromiseForm promiseForm, ReplyTarget target, ConversationPanels panels);

        static native TemplateInstance conversation$counter(ReplyPreview preview);
    }

    /**
     * The "waiting on us" form: by when (a {@code datetime-local} value in the account's zone) and the update to
     * send then; filled with what the agent typed after a refusal, else a suggestion (two hours ahead, whole hour).
     */
    public record PromiseForm(String zone, String promisedUpdateAt, String min, String updateText) {

        static PromiseForm of(PromiseRequest typed, String zone, Instant now) {
            ZoneId id = ZoneId.of(zone);
            String suggestion = PromiseTime.field(now.plus(Duration.ofHours(2)).atZone(id)
                    .truncatedTo(ChronoUnit.HOURS).toInstant(), id);
            return new PromiseForm(zone,
                    typed != null && typed.promisedUpdateAt() != null ? typed.promisedUpdateAt() : suggestion,
                    PromiseTime.field(now, id), typed != null && typed.updateText() != null ? typed.updateText() : "");
        }
    }

    /** A colleague the conversation can be handed to. */
    public record Teammate(String username, String name, String initials) {
    }

    private final ConversationQueryService conversations;
    private final ReplyService replies;
    private final CareService care;
    private final AppUserService users;
    private final CurrentUser currentUser;
    private final PresenceService presence;
    private final Clock clock;
    private final PageFrames frames;
    private final ConversationPanelsReader panels;

    public ConversationPage(PageFrames frames, ConversationPanelsReader panels, ConversationQueryService conversations, ReplyService replies, CareService care,
            AppUserService users, CurrentUser currentUser, PresenceService presence, Clock clock) {
        this.frames = frames;
        this.panels = panels;
        this.clock = clock;
        this.conversations = conversations;
        this.replies = replies;
        this.care = care;
        this.users = users;
        this.currentUser = currentUser;
        this.presence = presence;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("sent") String sent,
            @QueryParam("done") String done, @QueryParam("answer") @CleanText @Size(max = 40) String answer) {
        String notice = switch (sent == null ? "" : sent) {
            case "SENT" -> "Reply published on X.";
            case "PENDING", "PUBLISHING" -> "Reply stored; X did not answer yet, Signet keeps trying.";
            default -> switch (done == null ? "" : done) {
                case "claimed" -> "You hold this conversation; colleagues see it as yours.";
                case "released" -> "Released: the conversation is free for anyone.";
                case "status" -> "Status changed.";
                case "promised" -> "Waiting on us: the promised update is recorded; the queue raises it before it is due.";
                case "handed-off" -> "Handed over.";
                default -> null;
            };
        };
        // Opening the conversation counts as working on it: the holder's claim is renewed.
        care.keepAlive(id, currentUser.get());
        presence.seen(currentUser.get());
        return page(id, "", null, notice, null, answer);
    }

    @POST
    @Path("claim")
    @Produces(MediaType.TEXT_HTML)
    public Response claim(@PathParam("id") long id) {
        return act(id, "claimed", () -> care.claim(id, currentUser.get()));
    }

    @POST
    @Path("release")
    @Produces(MediaType.TEXT_HTML)
    public Response release(@PathParam("id") long id) {
        return act(id, "released", () -> care.release(id, currentUser.get()));
    }

    @POST
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    public Response status(@PathParam("id") long id, @FormParam("status") String status,
            @FormParam("promisedUpdateAt") String promisedUpdateAt, @FormParam("updateText") String updateText) {
        PromiseRequest promise = new PromiseRequest(promisedUpdateAt, updateText);
        try {
            care.changeStatus(id, parseStatus(status), promise, currentUser.get());
            return Response.seeOther(URI.create("/conversations/" + id + "?done="
                    + ("WAITING_ON_US".equals(status) ? "promised" : "status"))).build();
        } catch (ConversationNotFoundException e) {
            throw e;
        } catch (ProblemException e) {
            // Keep what the agent typed into the promise form: nothing was stored.
            return Response.status(e.status()).entity(page(id, "", e.detail(), null, promise)).build();
        }
    }

    @POST
    @Path("handoff")
    @Produces(MediaType.TEXT_HTML)
    public Response handOff(@PathParam("id") long id, @FormParam("to") String to, @FormParam("reason") String reason,
            @FormParam("line") String line) {
        return act(id, "handed-off", () -> replies.handOff(id, currentUser.get(), to, reason, line));
    }

    @POST
    @Path("reply")
    @Produces(MediaType.TEXT_HTML)
    public Response reply(@PathParam("id") long id, @FormParam("text") @CleanText String text,
            @FormParam("inReplyTo") @CleanText @Size(max = 40) String inReplyTo) {
        try {
            ReplyView sent = replies.send(id, text, inReplyTo, currentUser.get());
            if (sent.delivery() == DeliveryStatus.FAILED) {
                return Response.status(502).entity(page(id, "", "X refused the reply: " + sent.error()
                        + " Your reply is kept in the thread: press Retry under it once the cause is fixed.", null)).build();
            }
            return Response.seeOther(URI.create("/conversations/" + id + "?sent=" + sent.delivery().name())).build();
        } catch (ReplyRejectedException | ConversationHeldException e) {
            // Keep what the agent typed: nothing is lost on a refused reply (nothing was sent either).
            ProblemException problem = (ProblemException) e;
            return Response.status(problem.status())
                    .entity(page(id, text == null ? "" : text, problem.detail(), null, null, inReplyTo)).build();
        }
    }

    @POST
    @Path("length")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance length(@PathParam("id") long id, @FormParam("text") String text) {
        return Templates.conversation$counter(replies.preview(id, text, currentUser.get()));
    }

    /** Runs an action; on success back to the page (post/redirect/get), on a refusal the page with the reason. */
    private Response act(long id, String done, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/conversations/" + id + "?done=" + done)).build();
        } catch (ConversationNotFoundException e) {
            throw e;
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(id, "", e.detail(), null)).build();
        }
    }

    private static ConversationStatus parseStatus(String status) {
        for (ConversationStatus candidate : ConversationStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw StatusChangeException.statusRequired("Choose the new status from the list.");
    }

    private TemplateInstance page(long id, String draft, String error, String notice) {
        return page(id, draft, error, notice, null, null);
    }

    private TemplateInstance page(long id, String draft, String error, String notice, PromiseRequest promiseDraft) {
        return page(id, draft, error, notice, promiseDraft, null);
    }

    private TemplateInstance page(long id, String draft, String error, String notice, PromiseRequest promiseDraft,
            String answer) {
        AppUser me = currentUser.get();
        ConversationDetail detail = conversations.detail(id, null, ConversationQueryService.THREAD_PAGE);
        boolean mine = detail.holder() != null && detail.holder().username().equals(me.username());
        List<Teammate> teammates = users.answerers().stream()
                .filter(user -> !user.id().equals(me.id()))
                .map(user -> new Teammate(user.username(), user.displayName(), user.initials()))
                .toList();
        // Waiting on us has a form of its own (it needs a promise), shown while it is allowed.
        List<ConversationStatus> moves = Arrays.stream(ConversationStatus.values())
                .filter(detail.status()::agentMayChangeTo)
                .filter(move -> move != ConversationStatus.WAITING_ON_US)
                .toList();
        boolean mayPromise = detail.status().agentMayWaitOnUs(detail.promise() != null);
        PromiseForm promiseForm = mayPromise ? PromiseForm.of(promiseDraft, detail.timeZone(), clock.instant()) : null;
        ReplyTarget target;
        try {
            target = replies.target(id, answer).orElse(null);
        } catch (ReplyRejectedException e) {
            // A post chosen that isn't the customer's (an old link, a typed URL): say so, answer the default.
            target = replies.target(id, null).orElse(null);
            error = error != null ? error : e.detail();
        }
        return Templates.conversation(frames.current(), Viewer.of(me), detail, replies.preview(id, draft, me), draft, error, notice, mine,
                teammates, moves, promiseForm, target, panels.of(id));
    }
}
