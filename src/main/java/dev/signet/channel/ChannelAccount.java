package dev.signet.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signet.customer.Network;

/**
 * A brand account Signet listens on, and how far it has read: the mentions cursor ({@code since_id}) and the
 * last DM event seen. Cursors move only after the messages they cover are stored.
 */
@Entity
@Table(name = "channel_account")
public class ChannelAccount {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false, unique = true)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(nullable = false)
    private String handle;

    @Column(name = "external_user_id")
    private String externalUserId;

    @Column(name = "mentions_since_id")
    private String mentionsSinceId;

    @Column(name = "dm_last_event_id")
    private String dmLastEventId;

    @Column(name = "last_poll_at")
    private Instant lastPollAt;

    @Column(name = "last_poll_error")
    private String lastPollError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "mentions_behind", nullable = false)
    private boolean mentionsBehind;

    @Column(name = "dms_behind", nullable = false)
    private boolean dmsBehind;

    protected ChannelAccount() {
    }

    public ChannelAccount(String accountKey, Network network, String handle, Instant now) {
        this.accountKey = accountKey;
        this.network = network;
        this.handle = handle;
        this.createdAt = now;
    }

    public void rename(String handle) {
        this.handle = handle;
    }

    /** Records who the credentials belong to (from X's verify_credentials). */
    public void identify(String externalUserId, String handle) {
        this.externalUserId = externalUserId;
        this.handle = handle;
    }

    /** Moves the cursors after the messages they cover are stored, and records a healthy poll. */
    public void pollSucceeded(String mentionsSinceId, String dmLastEventId, Instant now) {
        if (mentionsSinceId != null) {
            this.mentionsSinceId = mentionsSinceId;
        }
        if (dmLastEventId != null) {
            this.dmLastEventId = dmLastEventId;
        }
        this.lastPollAt = now;
        this.lastPollError = null;
        this.consecutiveFailures = 0;
    }

    /**
     * Records whether the last read of mentions (or DMs) stopped before the stored cursor because the rate-limit
     * window was spent: unread messages wait on X (the backlog) until the next poll.
     */
    public void readMentions(boolean cutShort) {
        this.mentionsBehind = cutShort;
    }

    public void readDirectMessages(boolean cutShort) {
        this.dmsBehind = cutShort;
    }

    public boolean mentionsBehind() {
        return mentionsBehind;
    }

    public boolean dmsBehind() {
        return dmsBehind;
    }

    /** Records a failed poll; the cursors stay where they were, so nothing is skipped. */
    public void pollFailed(String reason) {
        this.lastPollError = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.consecutiveFailures++;
    }

    public Long id() {
        return id;
    }

    public String accountKey() {
        return accountKey;
    }

    public Network network() {
        return network;
    }

    public String handle() {
        return handle;
    }

    public String externalUserId() {
        return externalUserId;
    }

    public String mentionsSinceId() {
        return mentionsSinceId;
    }

    public String dmLastEventId() {
        return dmLastEventId;
    }

    public Instant lastPollAt() {
        return lastPollAt;
    }

    public String lastPollError() {
        return lastPollError;
    }

    /** A customer's message written at {@code at} was stored. */
    public void customerMessageArrived(Instant at) {
        if (lastMessageAt == null || at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }

    /** When the latest customer's message stored for this account was written. */
    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    /** Failed polls in a row; 0 after a successful poll. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The replica that polls this account, while {@link #leaseUntil()} is in the future. */
    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
