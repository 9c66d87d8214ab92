package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.signet.care.Conversation;
import dev.signet.security.AppUser;

/**
 * A goodwill gesture an agent gave (or asked to give) a customer on a conversation: amount, currency, reason,
 * and its status with who decided and when. Granted within the allowance, or waiting for a lead who approves or
 * declines it once.
 */
@Entity
@Table(name = "goodwill_gesture")
public class GoodwillGesture {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_user_id")
    private AppUser agent;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GoodwillStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by_user_id")
    private AppUser decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    protected GoodwillGesture() {
    }

    public GoodwillGesture(Conversation conversation, AppUser agent, BigDecimal amount, String currency, String reason,
            GoodwillStatus status, Instant now) {
        if (status != GoodwillStatus.GRANTED && status != GoodwillStatus.PENDING_APPROVAL) {
            throw new IllegalArgumentException("A gesture starts granted or pending, not " + status);
        }
        this.conversation = conversation;
        this.agent = agent;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.status = status;
        this.createdAt = now;
        if (status == GoodwillStatus.GRANTED) {
            // Granted by the allowance: the agent's own decision, recorded as such.
            this.decidedBy = agent;
            this.decidedAt = now;
        }
    }

    /** A lead (or admin) approves the pending gesture; never one's own, never twice. */
    public void approve(AppUser lead, Instant now) {
        decide(lead, now, GoodwillStatus.APPROVED, null);
    }

    /** A lead (or admin) declines the pending gesture, with an optional note for the agent. */
    public void decline(AppUser lead, Instant now, String note) {
        decide(lead, now, GoodwillStatus.DECLINED, note);
    }

    private void decide(AppUser lead, Instant now, GoodwillStatus outcome, String note) {
        if (status != GoodwillStatus.PENDING_APPROVAL) {
            String by = decidedBy == null ? "" : " by " + (decidedBy.initials() != null ? "^" + decidedBy.initials()
                    : decidedBy.displayName());
            throw new GoodwillRejectedException(409, "goodwill-already-decided", "Already decided",
                    "This gesture was " + status.name().toLowerCase().replace('_', ' ') + by
                            + " already; nothing changed.");
        }
        if (lead.id().equals(agent.id())) {
            throw new GoodwillRejectedException(403, "goodwill-own-gesture", "Not your own gesture",
                    "Another lead (or an admin) approves or declines your own gesture.");
        }
        this.status = outcome;
        this.decidedBy = lead;
        this.decidedAt = now;
        this.decisionNote = note;
    }

    public Long id() {
        return id;
    }

    public Conversation conversation() {
        return conversation;
    }

    public AppUser agent() {
        return agent;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public GoodwillStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public AppUser decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }
}
