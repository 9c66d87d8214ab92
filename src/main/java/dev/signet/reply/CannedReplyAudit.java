package dev.signet.reply;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who created, edited or deleted a canned reply, and when (kept after the entry is deleted). */
@Entity
@Table(name = "canned_reply_audit")
public class CannedReplyAudit {

    public enum Action {
        CREATED, EDITED, DELETED
    }

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "canned_reply_id", nullable = false)
    private Long cannedReplyId;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String actor;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    protected CannedReplyAudit() {
    }

    public CannedReplyAudit(long cannedReplyId, Action action, String title, String actor, Instant now) {
        this.cannedReplyId = cannedReplyId;
        this.action = action.name();
        this.title = title;
        this.actor = actor;
        this.actedAt = now;
    }

    public String action() {
        return action;
    }

    public String title() {
        return title;
    }

    public String actor() {
        return actor;
    }

    public Instant actedAt() {
        return actedAt;
    }
}
