package dev.signet.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one brand account asked of X in one calendar month (UTC): the basis of the cost meter. */
@Entity
@Table(name = "api_usage")
public class ApiUsage {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    /** {@code 2026-11}. */
    @Column(name = "usage_month", nullable = false)
    private String month;

    /** Mentions read from the brand's own timeline (owned reads). */
    @Column(name = "owned_reads", nullable = false)
    private long ownedReads;

    /** Posts read elsewhere (X's recent search). */
    @Column(name = "post_reads", nullable = false)
    private long postReads;

    @Column(name = "pushed_posts", nullable = false)
    private long pushedPosts;

    @Column(name = "pushed_dms", nullable = false)
    private long pushedDms;

    /** Reads X does not bill: the same resource again on the same UTC day. */
    @Column(name = "free_rereads", nullable = false)
    private long freeRereads;

    @Column(name = "dm_reads", nullable = false)
    private long dmReads;

    @Column(nullable = false)
    private long replies;

    /** Public posts without a URL that answer no mention. */
    @Column(nullable = false)
    private long posts;

    /** Public posts or replies with a URL. */
    @Column(name = "replies_with_url", nullable = false)
    private long postsWithUrl;

    @Column(name = "dms_sent", nullable = false)
    private long dmsSent;

    /** Authors looked up because X did not expand them. */
    @Column(name = "user_reads", nullable = false)
    private long userReads;

    protected ApiUsage() {
    }

    public ApiUsage(String accountKey, String month) {
        this.accountKey = accountKey;
        this.month = month;
    }

    /** Counts reads of one kind: {@code billed} that X bills, {@code free} re-read on the same UTC day. */
    public void read(BilledRead kind, long billed, long free) {
        switch (kind) {
            case OWNED_POST -> ownedReads += billed;
            case POST -> postReads += billed;
            case DM -> dmReads += billed;
            case PUSHED_POST -> pushedPosts += billed;
            case PUSHED_DM -> pushedDms += billed;
        }
        freeRereads += free;
    }

    /** A public post published: with a URL, else a reply to a mention, else a plain post (X prices them apart). */
    public void published(boolean withUrl, boolean answersMention) {
        if (withUrl) {
            postsWithUrl++;
        } else if (answersMention) {
            replies++;
        } else {
            posts++;
        }
    }

    public void usersRead(int users) {
        userReads += users;
    }

    public void sentDirectMessage() {
        dmsSent++;
    }

    public String accountKey() {
        return accountKey;
    }

    public String month() {
        return month;
    }

    public long freeRereads() {
        return freeRereads;
    }

    /** The counts as X bills them. */
    public UsageCounts counts() {
        return new UsageCounts(ownedReads, postReads, dmReads, pushedPosts, pushedDms, replies, posts, postsWithUrl,
                dmsSent, userReads);
    }
}
