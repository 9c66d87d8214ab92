package dev.signet.care.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited escalation or de-escalation of a conversation: who, when, why, with how many contacts. Never changed. */
@Entity
@Table(name = "escalation_event")
public class EscalationEvent {

    /** The actor of escalations made by the repeat-contact rule. */
    public static final String SYSTEM = "system";

    /** What happened. */
    public enum Action {
        ESCALATED, DEESCALATED
    }

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private int contacts;

    @Column(nullable = false)
    private Instant at;

    protected EscalationEvent() {
    }

    public EscalationEvent(long conversationId, Action action, String actor, String reason, int contacts, Instant at) {
        this.conversationId = conversationId;
        this.action = action;
        this.actor = actor;
        this.reason = reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        this.contacts = contacts;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Long conversationId() {
        return conversationId;
    }

    public Action action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public int contacts() {
        return contacts;
    }

    public Instant at() {
        return at;
    }
}
