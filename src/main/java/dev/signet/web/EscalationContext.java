package dev.signet.web;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.core.http.HttpServerRequest;

import dev.signet.care.MatterView;
import dev.signet.care.routing.EscalationService;
import dev.signet.care.routing.PresenceService;
import dev.signet.care.routing.PresenceView;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;

/**
 * What continuity and escalation add to the queue and conversation pages (the presence toggle, the matter panel),
 * read for the queue page's {@code presence} parameter and the conversation page's {@link ConversationPanels}.
 */
@RequestScoped
class EscalationContext {

    private final PresenceService presence;
    private final EscalationService escalations;
    private final CurrentUser currentUser;
    private final HttpServerRequest request;
    private PresenceView mine;
    private MatterView matter;

    EscalationContext(PresenceService presence, EscalationService escalations, CurrentUser currentUser,
            HttpServerRequest request) {
        this.presence = presence;
        this.escalations = escalations;
        this.currentUser = currentUser;
        this.request = request;
    }

    /** What the escalation forms say after a refusal ({@code ?refused=slug} of {@link EscalationPage}). */
    private static final Map<String, String> REFUSALS = Map.of(
            "matter-required", "Give the number of the earlier conversation about the same matter.",
            "same-matter-self", "A conversation can't be linked to itself: give the number of an earlier conversation.",
            "same-matter-other-customer", "That conversation is with another customer: only a customer's own "
                    + "conversations can be the same matter.",
            "leads-only", "Only a lead can take an escalation back.",
            "deescalation-needs-reason", "Taking an escalation back is audited: write a reason.",
            "reason-too-long", "Keep the reason under 500 characters.",
            "not-escalated", "This conversation is not escalated.");

    private static final Map<String, String> DONE = Map.of(
            "linked", "Linked as the same matter: its contacts add up.",
            "deescalated", "Escalation taken back (audited).");

    /** The refusal to show after an escalation form, or null. */
    String refusal() {
        String slug = request.getParam("refused");
        return slug == null ? null : REFUSALS.getOrDefault(slug, "That was refused.");
    }

    /** The confirmation to show after an escalation form, or null. */
    String done() {
        String done = request.getParam("done");
        return done == null ? null : DONE.get(done);
    }

    /** The viewer's presence (agents and leads), or null for users without a shift. */
    PresenceView presence() {
        if (!currentUser.get().canReply()) {
            return null;
        }
        if (mine == null) {
            mine = presence.of(currentUser.get());
        }
        return mine;
    }

    /** The conversation page's matter panel. */
    ConversationPanels.Escalation panel(long conversationId) {
        return new ConversationPanels.Escalation(matter(conversationId), done(), refusal(), lead());
    }

    MatterView matter(long conversationId) {
        if (matter == null || matter.conversationId() != conversationId) {
            matter = escalations.matter(conversationId);
        }
        return matter;
    }

    /** Whether the viewer may take an escalation back. */
    boolean lead() {
        String role = currentUser.get().role();
        return Role.LEAD.equals(role) || Role.ADMIN.equals(role);
    }
}
