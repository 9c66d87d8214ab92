package dev.signet.reply;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An entry of the canned-reply library: a title, a body with variables, the brand account it is for (null = every
 * account), where it fits (public, DM, both), tags, and who changed it last.
 */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

    /** The scope of an entry meant for every account. */
    static final String ALL_ACCOUNTS = "*";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "title_key", nullable = false)
    private String titleKey;

    @Column(name = "scope_key", nullable = false)
    private String scopeKey;

    @Column(nullable = false)
    private String body;

    @Column(name = "account_key")
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CannedKind kind;

    private String tags;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CannedReply() {
    }

    public CannedReply(String title, String body, String accountKey, CannedKind kind, String tags, String by, Instant now) {
        change(title, body, accountKey, kind, tags, by, now);
        this.createdBy = by;
        this.createdAt = now;
    }

    /** Replaces everything the library's editors can change, and records who did it and when. */
    public void change(String title, String body, String accountKey, CannedKind kind, String tags, String by, Instant now) {
        this.title = title;
        this.titleKey = titleKey(title);
        this.accountKey = accountKey;
        this.scopeKey = accountKey == null ? ALL_ACCOUNTS : accountKey;
        this.body = body;
        this.kind = kind;
        this.tags = tags;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    static String titleKey(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String accountKey() {
        return accountKey;
    }

    public CannedKind kind() {
        return kind;
    }

    public String tags() {
        return tags;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
