package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationHeldException;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationRepository;
import dev.signet.security.AppUser;
import dev.signet.security.Role;
import io.quarkus.runtime.Startup;

/**
 * The goodwill commands: agents record gestures on conversations, granted at once within their allowance for the
 * period or left for a lead to approve or decline. Recording locks the agent's own user row for the transaction, so
 * two gestures of one agent at the same moment are decided one after the other and can't both slip under the
 * allowance; a decision locks the gesture's row, so it is decided once. Each command answers with the gesture as
 * the ledger shows it ({@link GoodwillLedger}). Built at start ({@link Startup}) so a wrong goodwill configuration
 * stops the application.
 */
@Startup
@ApplicationScoped
public class GoodwillCommands {

    private static final Logger LOG = Logger.getLogger(GoodwillCommands.class);

    private final GoodwillRepository gestures;
    private final ConversationRepository conversations;
    private final EntityManager em;
    private final GoodwillLedger ledger;
    private final GoodwillRule rule;
    private final Clock clock;
    private final AuditTrail audit;

    public GoodwillCommands(GoodwillRepository gestures, ConversationRepository conversations, EntityManager em,
            GoodwillLedger ledger, GoodwillConfig config, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.gestures = gestures;
        this.conversations = conversations;
        this.em = em;
        this.ledger = ledger;
        this.rule = GoodwillRule.of(config);
        this.clock = clock;
    }

    /**
     * The agent records a gesture on a conversation: validated first (nothing stored when refused), then granted
     * if it fits in what is left of their allowance this period, otherwise waiting for a lead.
     */
    @Transactional
    public GoodwillViews.Gesture record(long conversationId, BigDecimal rawAmount, String rawReason, AppUser agent) {
        if (!agent.canReply()) {
            throw new GoodwillRejectedException(403, "goodwill-agents-only", "Agents and leads only",
                    "Goodwill gestures are recorded by the agent or lead who gives them.");
        }
        BigDecimal amount = rule.amount(rawAmount);
        String reason = rule.reason(rawReason);
        Instant now = clock.instant();
        // The agent's row is the lock of their ledger: concurrent gestures of one agent queue up here.
        AppUser locked = em.find(AppUser.class, agent.id(), LockModeType.PESSIMISTIC_WRITE);
        Conversation conversation = conversations.findByIdOptional(conversationId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        if (conversation.heldByOther(locked, now)) {
            throw new ConversationHeldException(conversationId, conversation.heldBy(), conversation.heldUntil(),
                    "record a goodwill gesture on it");
        }
        GoodwillPeriod.Window window = rule.window(now);
        BigDecimal used = gestures.grantedSum(locked.id(), rule.currency(), window.start(), window.end());
        GoodwillStatus status = rule.decide(used, amount);
        GoodwillGesture gesture = new GoodwillGesture(conversation, locked, amount, rule.currency(), reason, status, now);
        gestures.persist(gesture);
        LOG.infof("goodwill recorded: gesture=%d conversation=%d agent=%s amount=%s status=%s", gesture.id(),
                conversationId, locked.username(), rule.format(amount), status);
        return ledger.gesture(gesture.id());
    }

    /** A lead (or admin) approves a pending gesture in one step; not their own. */
    @Transactional
    public GoodwillViews.Gesture approve(long id, AppUser lead) {
        GoodwillGesture gesture = lockForDecision(id, lead);
        gesture.approve(lead, clock.instant());
        audited(gesture, AuditAction.GOODWILL_APPROVED, lead, null);
        LOG.infof("goodwill approved: gesture=%d by=%s", id, lead.username());
        return ledger.gesture(id);
    }

    /** A lead (or admin) declines a pending gesture; the note (optional) tells the agent why. */
    @Transactional
    public GoodwillViews.Gesture decline(long id, AppUser lead, String note) {
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > GoodwillRule.REASON_MAX) {
            throw GoodwillRejectedException.invalid("goodwill-note-too-long", "Note too long",
                    "Keep the note under " + GoodwillRule.REASON_MAX + " characters.");
        }
        GoodwillGesture gesture = lockForDecision(id, lead);
        gesture.decline(lead, clock.instant(), kept);
        audited(gesture, AuditAction.GOODWILL_DECLINED, lead, kept);
        LOG.infof("goodwill declined: gesture=%d by=%s", id, lead.username());
        return ledger.gesture(id);
    }

    private void audited(GoodwillGesture gesture, AuditAction action, AppUser lead, String note) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("conversationId", gesture.conversation().id());
        detail.put("agent", gesture.agent().username());
        detail.put("amount", gesture.amount().toPlainString() + " " + gesture.currency());
        detail.put("note", note);
        audit.record(lead.username(), action, AuditTarget.of(AuditTarget.GOODWILL, gesture.id()), detail);
    }

    private GoodwillGesture lockForDecision(long id, AppUser lead) {
        if (!Role.LEAD.equals(lead.role()) && !Role.ADMIN.equals(lead.role())) {
            throw new GoodwillRejectedException(403, "goodwill-leads-decide", "Leads decide",
                    "Only a lead or an admin approves or declines goodwill over an allowance.");
        }
        // Read under the row lock: a decision made while we waited for it is seen, so a gesture is decided once.
        return gestures.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> GoodwillRejectedException.notFound(id));
    }

    /** The rules in force (amounts, currency, periods). */
    public GoodwillRule rule() {
        return rule;
    }
}
