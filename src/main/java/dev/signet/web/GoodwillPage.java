package dev.signet.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.api.ProblemException;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.goodwill.GoodwillPeriod;
import dev.signet.care.goodwill.GoodwillCommands;
import dev.signet.care.goodwill.GoodwillLedger;
import dev.signet.care.goodwill.GoodwillStatus;
import dev.signet.care.goodwill.GoodwillViews;
import dev.signet.page.PageFrame;
import dev.signet.page.PageFrames;
import dev.signet.security.AppUser;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Goodwill pages: {@code /goodwill} with your allowance and gestures, the team's totals, and for leads and admins
 * the gestures waiting for approval (approve or decline in one click) and the team ledger per agent; and the
 * Goodwill block of the conversation page's care panel (record a gesture, htmx).
 */
@Path("/goodwill")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class GoodwillPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance goodwill(PageFrame frame, Viewer me, GoodwillViews.MyLedger mine, GoodwillViews.TeamLedger team,
                List<GoodwillViews.Gesture> pending, boolean lead, String period, String notice, String error);

        /** The Goodwill block of the conversation page (also included there, without the gw* values). */
        static native TemplateInstance block(Viewer me, GoodwillViews.OnConversation g, String gwNotice,
                String gwError, String gwAmount, String gwReason);
    }

    private final GoodwillCommands goodwill;
    private final GoodwillLedger ledger;
    private final CurrentUser currentUser;
    private final PageFrames frames;

    public GoodwillPage(PageFrames frames, GoodwillCommands goodwill, GoodwillLedger ledger, CurrentUser currentUser) {
        this.frames = frames;
        this.goodwill = goodwill;
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("period") String period, @QueryParam("done") String done) {
        String notice = switch (done == null ? "" : done) {
            case "approved" -> "Approved: the agent sees it on their ledger and the conversation.";
            case "declined" -> "Declined: the agent sees it on their ledger and the conversation.";
            default -> null;
        };
        return page(period, notice, null);
    }

    @POST
    @Path("{id}/approve")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response approve(@PathParam("id") long id, @FormParam("back") String back) {
        return decide(back, "approved", () -> goodwill.approve(id, currentUser.get()));
    }

    @POST
    @Path("{id}/decline")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.LEAD, Role.ADMIN })
    public Response decline(@PathParam("id") long id, @FormParam("note") String note, @FormParam("back") String back) {
        return decide(back, "declined", () -> goodwill.decline(id, currentUser.get(), note));
    }

    /**
     * Records a gesture from the conversation page. With htmx the Goodwill block comes back in place (the compose
     * box and its draft stay as they are), with the outcome or the refusal and what was typed; without, back to
     * the conversation (or the error page on a refusal).
     */
    @POST
    @Path("conversations/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.AGENT, Role.LEAD })
    public Response record(@PathParam("id") long id, @FormParam("amount") String amount,
            @FormParam("reason") String reason, @HeaderParam("HX-Request") String htmx) {
        AppUser me = currentUser.get();
        if (htmx == null) {
            goodwill.record(id, goodwill.rule().amount(amount), reason, me);
            return Response.seeOther(URI.create("/conversations/" + id + "#goodwill")).build();
        }
        try {
            GoodwillViews.Gesture gesture = goodwill.record(id, goodwill.rule().amount(amount), reason, me);
            String notice = gesture.status() == GoodwillStatus.GRANTED
                    ? gesture.amountText() + " granted within your allowance."
                    : gesture.amountText() + " is over what is left of your allowance: a lead approves it (see Goodwill).";
            return Response.ok(Templates.block(Viewer.of(me), ledger.onConversation(id, me), notice, null, "", ""))
                    .build();
        } catch (ConversationNotFoundException e) {
            throw e;
        } catch (ProblemException e) {
            // 200 so that htmx swaps the block in: the refusal shows next to what the agent typed, nothing stored.
            return Response.ok(Templates.block(Viewer.of(me), ledger.onConversation(id, me), null, e.detail(),
                    amount == null ? "" : amount, reason == null ? "" : reason)).build();
        }
    }

    private Response decide(String back, String done, Runnable decision) {
        try {
            decision.run();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page(null, null, e.detail())).build();
        }
        String to = back != null && back.matches("/conversations/[0-9]+") ? back + "#goodwill" : "/goodwill?done=" + done;
        return Response.seeOther(URI.create(to)).build();
    }

    private TemplateInstance page(String period, String notice, String error) {
        AppUser me = currentUser.get();
        LocalDate day = day(period);
        boolean lead = Role.LEAD.equals(me.role()) || Role.ADMIN.equals(me.role());
        GoodwillViews.MyLedger mine = me.canReply() ? ledger.myLedger(me, day) : null;
        GoodwillViews.TeamLedger team = lead ? ledger.teamLedger(day) : null;
        List<GoodwillViews.Gesture> pending = lead ? ledger.pending() : List.of();
        return Templates.goodwill(frames.current(), Viewer.of(me), mine, team, pending, lead, day == null ? null : day.toString(), notice,
                error);
    }

    private static LocalDate day(String period) {
        return GoodwillPeriod.requireDay(period);
    }
}
