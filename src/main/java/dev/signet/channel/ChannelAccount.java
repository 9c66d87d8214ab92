package dev.signet.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A brand account Signet listens on, and how far it has read: the mentions cursor ({@code since_id}) and the
 * last DM event seen. Cursors move only after the messages they cover are stored.
 * <p>
 * The row is shared: the poller owns the cursors, the lease and the poll state, intake the time of the last customer
 * message. Those columns are not updatable through the entity; each owner changes them with its own targeted
 * statement ({@link ChannelAccountRepository}), so that a stale copy of the row (intake's batch reads it before the
 * poller moves a cursor) never writes an old cursor or lease back.
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

    @Column(name = "mentions_since_id", updatable = false)
    private String mentionsSinceId;

    @Column(name = "dm_last_event_id", updatable = false)
    private String dmLastEventId;

    @Column(name = "last_poll_at", updatable = false)
    private Instant lastPollAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "lease_owner", updatable = false)
    private String leaseOwner;

    @Column(name = "lease_until", updatable = false)
    private Instant leaseUntil;

    @Column(name = "last_message_at", updatable = false)
    private Instant lastMessageAt;

    @Column(name = "mentions_behind", nullable = false, updatable = false)
    private boolean mentionsBehind;

    @Column(name = "dms_behind", nullable = false, updatable = false)
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

    /**
     * Whether the last read of mentions (or DMs) stopped before the stored cursor because the rate-limit window was
     * spent: unread messages wait on X (the backlog) until the next poll.
     */
    public boolean mentionsBehind() {
        return mentionsBehind;
    }

    public boolean dmsBehind() {
        return dmsBehind;
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

    /** When the poller last polled the account (whatever each endpoint's outcome; see {@link ChannelEndpoint}). */
    public Instant lastPollAt() {
        return lastPollAt;
    }

    /** When the latest customer's message stored for this account was written. */
    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The replica that polls this account, while {@link #leaseUntil()} is in the future. */
    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
