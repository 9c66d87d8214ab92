package dev.signet.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A public post on the fake X. Authors and replied-to users are kept as ids rather than associations: every
 * page of tweets loads its users in one query, and no lazy loading can leak into a view.
 */
@Entity
@Table(name = "sandbox_tweet")
public class SandboxTweet {

    @Id
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(nullable = false)
    private String text;

    /** Where the text the author typed starts: after the @handle X put in front of an auto-populated reply. */
    @Column(name = "display_text_start", nullable = false)
    private int displayTextStart;

    @Column(name = "in_reply_to_status_id")
    private Long inReplyToStatusId;

    @Column(name = "in_reply_to_user_id")
    private Long inReplyToUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SandboxTweet() {
        // for JPA
    }

    SandboxTweet(long id, long authorId, String text, int displayTextStart, Long inReplyToStatusId,
            Long inReplyToUserId, Instant createdAt) {
        this.id = id;
        this.authorId = authorId;
        this.text = text;
        this.displayTextStart = displayTextStart;
        this.inReplyToStatusId = inReplyToStatusId;
        this.inReplyToUserId = inReplyToUserId;
        this.createdAt = createdAt;
    }

    public boolean isReply() {
        return inReplyToStatusId != null;
    }

    public long getId() {
        return id;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getText() {
        return text;
    }

    public int getDisplayTextStart() {
        return displayTextStart;
    }

    public Long getInReplyToStatusId() {
        return inReplyToStatusId;
    }

    public Long getInReplyToUserId() {
        return inReplyToUserId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
