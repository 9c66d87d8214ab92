package dev.signet.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit of one policy change: who, when, and the policy before and after (JSON; null when there was none). */
@Entity
@Table(name = "sla_policy_change")
public class SlaPolicyChange {

    /** What happened to the policy. */
    public enum Action {
        CREATED, UPDATED, DELETED
    }

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String scope;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "before_json")
    private String beforeJson;

    @Column(name = "after_json")
    private String afterJson;

    protected SlaPolicyChange() {
    }

    SlaPolicyChange(String scope, Action action, String actor, Instant at, String beforeJson, String afterJson) {
        this.scope = scope;
        this.action = action.name();
        this.actor = actor;
        this.changedAt = at;
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
    }

    public View view() {
        return new View(id, scope, action, actor, changedAt, beforeJson, afterJson);
    }

    /** As the API and the page show it. */
    public record View(Long id, String scope, String action, String actor, Instant changedAt, String before,
            String after) {
    }
}
