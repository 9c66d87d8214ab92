package dev.signet.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One target of one conversation as last measured ({@link SlaEvaluator.Outcome}), with its account, tier and channel. */
@Entity
@Table(name = "sla_target")
public class SlaTargetRecord {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private String tier;

    @Column(nullable = false)
    private String channel;

    @Column(name = "policy_id", nullable = false)
    private long policyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SlaTarget target;

    @Column(nullable = false)
    private int seq;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "business_seconds")
    private Long businessSeconds;

    private Boolean met;

    protected SlaTargetRecord() {
    }

    SlaTargetRecord(long conversationId, String accountKey, String tier, String channel, long policyId,
            SlaEvaluator.Outcome o) {
        this.conversationId = conversationId;
        this.accountKey = accountKey;
        this.tier = tier;
        this.channel = channel;
        this.policyId = policyId;
        this.target = o.target();
        this.seq = o.seq();
        this.startedAt = o.startedAt();
        this.dueAt = o.dueAt();
        this.endedAt = o.endedAt();
        this.businessSeconds = o.businessSeconds();
        // Stored only once decided by an end; a running target past due is counted as breached when read.
        this.met = o.endedAt() == null ? null : !o.endedAt().isAfter(o.dueAt());
    }

    public SlaTarget target() {
        return target;
    }

    public int seq() {
        return seq;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Boolean met() {
        return met;
    }

    public Long businessSeconds() {
        return businessSeconds;
    }
}
