package dev.signet.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** That a tweet mentions a user, and where: code point indices of "@handle" in the tweet's text, as X gives them. */
@Entity
@Table(name = "sandbox_mention")
public class SandboxMention {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_mention_seq")
    @SequenceGenerator(name = "sandbox_mention_seq", sequenceName = "sandbox_mention_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tweet_id", nullable = false)
    private long tweetId;

    @Column(name = "mentioned_user_id", nullable = false)
    private long mentionedUserId;

    @Column(name = "start_index", nullable = false)
    private int startIndex;

    @Column(name = "end_index", nullable = false)
    private int endIndex;

    protected SandboxMention() {
        // for JPA
    }

    SandboxMention(long tweetId, long mentionedUserId, int startIndex, int endIndex) {
        this.tweetId = tweetId;
        this.mentionedUserId = mentionedUserId;
        this.startIndex = startIndex;
        this.endIndex = endIndex;
    }

    public long getTweetId() {
        return tweetId;
    }

    public long getMentionedUserId() {
        return mentionedUserId;
    }

    public int getStartIndex() {
        return startIndex;
    }

    public int getEndIndex() {
        return endIndex;
    }
}
