package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
import dev.signet.security.AppUserRepository;
import dev.signet.security.Role;
import io.quarkus.runtime.Startup;

/**
 * The goodwill ledger: agents record gestures on conversations, granted at once within their allowance for the
 * period or left for a lead to approve or decline; the ledgers per agent and per team. Recording locks the
 * agent's own user row for the transaction, so two gestures of one agent at the same moment are decided one
 * after the other and can't both slip under the allowance; a decision locks the gesture's row, so it is decided
 * once. Built at start ({@link Startup}) so a wrong goodwill configuration stops the application.
 */
@Startup
@ApplicationScoped
public class GoodwillService {

    private static final Logger LOG = Logger.getLogger(GoodwillService.class);
    /** At most this many pending gestures are listed at once (oldest first). */
    public static final int PENDING_PAGE = 200;

    private final GoodwillRepository gestures;
    private final ConversationRepository conversations;
    private final AppUserRepository users;
    private final EntityManager em;
    private final GoodwillRule rule;
    private final Clock clock;
    private final AuditTrail audit;

    public GoodwillService(GoodwillRepository gestures, ConversationRepository conversations, AppUserRepository users,
            EntityManager em, GoodwillConfig config, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.gestures = gestures;
        this.conversations = conversations;
        this.users = users;
        this.em = em;
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
        return view(gestures.withAll(gesture.id()));
    }

    /** A lead (or admin) approves a pending gesture in one step; not their own. */
    @Transactional
    public GoodwillViews.Gesture approve(long id, AppUser lead) {
        GoodwillGesture gesture = lockForDecision(id, lead);
        gesture.approve(lead, clock.instant());
        audited(gesture, AuditAction.GOODWILL_APPROVED, lead, null);
        LOG.infof("goodwill approved: gesture=%d by=%s", id, lead.username());
        return view(gestures.withAll(id));
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
        return view(gestures.withAll(id));
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

    /** The agent's allowance in the current period. */
    @Transactional
    public GoodwillViews.Allowance allowance(AppUser agent) {
        return allowance(agent, rule.window(clock.instant()));
    }

    /** The agent's own gestures and allowance in the period holding {@code day} (today when null), and the team's totals. */
    @Transactional
    public GoodwillViews.MyLedger myLedger(AppUser agent, LocalDate day) {
        GoodwillPeriod.Window window = window(day);
        List<GoodwillViews.Gesture> mine = gestures.ofAgent(agent.id(), window.start(), window.end()).stream()
                .map(this::view).toList();
        return new GoodwillViews.MyLedger(allowance(agent, window), mine,
                totals(gestures.ledger(rule.currency(), window.start(), window.end())),
                window.previousDay().toString(), nextOf(window));
    }

    /** The team ledger of the period holding {@code day}: every agent and lead by name, and the totals. */
    @Transactional
    public GoodwillViews.TeamLedger teamLedger(LocalDate day) {
        GoodwillPeriod.Window window = window(day);
        List<Object[]> rows = gestures.ledger(rule.currency(), window.start(), window.end());
        Map<Long, RowBuilder> byAgent = new LinkedHashMap<>();
        for (AppUser user : users.answerers()) {
            byAgent.put(user.id(), new RowBuilder(user.username(), user.displayName(), user.initials()));
        }
        for (Object[] row : rows) {
            RowBuilder builder = byAgent.computeIfAbsent((Long) row[0],
                    key -> new RowBuilder((String) row[1], (String) row[2], (String) row[3]));
            builder.add((GoodwillStatus) row[4], (BigDecimal) row[5], ((Number) row[6]).longValue());
        }
        List<GoodwillViews.AgentRow> agents = byAgent.values().stream()
                .sorted(Comparator.comparing((RowBuilder b) -> b.name.toLowerCase()).thenComparing(b -> b.username))
                .map(RowBuilder::build).toList();
        return new GoodwillViews.TeamLedger(window.label(), window.start(), window.end(), agents, totals(rows),
                window.previousDay().toString(), nextOf(window));
    }

    /** Gestures waiting for a lead, oldest first. */
    @Transactional
    public List<GoodwillViews.Gesture> pending() {
        return gestures.pending(PENDING_PAGE).stream().map(this::view).toList();
    }

    /** One gesture. */
    @Transactional
    public GoodwillViews.Gesture gesture(long id) {
        GoodwillGesture gesture = gestures.withAll(id);
        if (gesture == null) {
            throw GoodwillRejectedException.notFound(id);
        }
        return view(gesture);
    }

    /** A conversation's gestures (oldest first) and, for agents and leads, their allowance left this period. */
    @Transactional
    public GoodwillViews.OnConversation onConversation(long conversationId, AppUser viewer) {
        if (conversations.count("id", conversationId) == 0) {
            throw new ConversationNotFoundException(conversationId);
        }
        List<GoodwillViews.Gesture> list = gestures.ofConversation(conversationId).stream().map(this::view).toList();
        return new GoodwillViews.OnConversation(conversationId, viewer.canReply() ? allowance(viewer) : null, list,
                rule.format(rule.maxAmount()));
    }

    /** Whether any gesture was ever recorded (the demo seeds its examples once). */
    @Transactional
    public boolean anyRecorded() {
        return gestures.count() > 0;
    }

    /** The rules in force (amounts, currency, periods). */
    public GoodwillRule rule() {
        return rule;
    }

    private GoodwillPeriod.Window window(LocalDate day) {
        return day == null ? rule.window(clock.instant()) : rule.windowOf(day);
    }

    private String nextOf(GoodwillPeriod.Window window) {
        return window.contains(clock.instant()) || window.start().isAfter(clock.instant()) ? null
                : window.nextDay().toString();
    }

    private GoodwillViews.Allowance allowance(AppUser agent, GoodwillPeriod.Window window) {
        BigDecimal used = gestures.grantedSum(agent.id(), rule.currency(), window.start(), window.end())
                .setScale(rule.decimals());
        BigDecimal left = rule.remaining(used);
        return new GoodwillViews.Allowance(window.label(), window.start(), window.end(), rule.currency(),
                rule.allowance(), used, left, rule.format(rule.allowance()), rule.format(used), rule.format(left));
    }

    private GoodwillViews.TeamTotals totals(List<Object[]> rows) {
        BigDecimal granted = BigDecimal.ZERO;
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal pendingSum = BigDecimal.ZERO;
        long count = 0;
        long pending = 0;
        long declined = 0;
        for (Object[] row : rows) {
            GoodwillStatus status = (GoodwillStatus) row[4];
            BigDecimal sum = (BigDecimal) row[5];
            long n = ((Number) row[6]).longValue();
            count += n;
            switch (status) {
                case GRANTED -> granted = granted.add(sum);
                case APPROVED -> approved = approved.add(sum);
                case PENDING_APPROVAL -> {
                    pending += n;
                    pendingSum = pendingSum.add(sum);
                }
                case DECLINED -> declined += n;
            }
        }
        BigDecimal given = granted.add(approved);
        return new GoodwillViews.TeamTotals(rule.currency(), scaled(granted), rule.format(granted), scaled(approved),
                rule.format(approved), scaled(given), rule.format(given), count, pending, rule.format(pendingSum),
                declined);
    }

    private BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(rule.decimals(), java.math.RoundingMode.HALF_UP);
    }

    private GoodwillViews.Gesture view(GoodwillGesture g) {
        Conversation c = g.conversation();
        String customer = c.identity().customer() != null ? c.identity().customer().name()
                : (c.identity().displayName() != null ? c.identity().displayName() : "@" + c.identity().handle());
        AppUser decider = g.decidedBy();
        String decidedBy = decider == null ? null
                : decider.initials() != null ? "^" + decider.initials() : decider.displayName();
        String label = switch (g.status()) {
            case GRANTED -> "granted within allowance";
            case PENDING_APPROVAL -> "waiting for a lead";
            case APPROVED -> "approved by " + decidedBy;
            case DECLINED -> "declined by " + decidedBy;
        };
        return new GoodwillViews.Gesture(g.id(), c.id(), customer, c.account().handle(), g.agent().username(),
                g.agent().displayName(), g.agent().initials(), g.amount(), g.currency(),
                GoodwillRule.format(g.amount(), g.currency()), g.reason(), g.status(), label, g.createdAt(), decidedBy,
                g.decidedAt(), g.decisionNote());
    }

    /** Sums one agent's line of the team ledger. */
    private final class RowBuilder {
        private final String username;
        private final String name;
        private final String initials;
        private BigDecimal granted = BigDecimal.ZERO;
        private BigDecimal approved = BigDecimal.ZERO;
        private BigDecimal pendingSum = BigDecimal.ZERO;
        private long pending;
        private long declined;

        RowBuilder(String username, String name, String initials) {
            this.username = username;
            this.name = name;
            this.initials = initials;
        }

        void add(GoodwillStatus status, BigDecimal sum, long count) {
            switch (status) {
                case GRANTED -> granted = granted.add(sum);
                case APPROVED -> approved = approved.add(sum);
                case PENDING_APPROVAL -> {
                    pending += count;
                    pendingSum = pendingSum.add(sum);
                }
                case DECLINED -> declined += count;
            }
        }

        GoodwillViews.AgentRow build() {
            BigDecimal left = rule.remaining(granted);
            return new GoodwillViews.AgentRow(username, name, initials, scaled(granted), rule.format(granted),
                    scaled(approved), rule.format(approved), pending, rule.format(pendingSum), declined, left,
                    rule.format(left));
        }
    }
}
