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

    @Column(name = "post_reads", nullable = false)
    private long postReads;

    @Column(name = "dm_reads", nullable = false)
    private long dmReads;

    @Column(nullable = false)
    private long replies;

    @Column(name = "replies_with_url", nullable = false)
    private long repliesWithUrl;

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

    public void read(int posts, int directMessages) {
        postReads += posts;
        dmReads += directMessages;
    }

    public void replied(boolean withUrl) {
        if (withUrl) {
            repliesWithUrl++;
        } else {
            replies++;
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

    public long postReads() {
        return postReads;
    }

    public long dmReads() {
        return dmReads;
    }

    public long replies() {
        return replies;
    }

    public long repliesWithUrl() {
        return repliesWithUrl;
    }

    public long dmsSent() {
        return dmsSent;
    }

    public long userReads() {
        return userReads;
    }
}
