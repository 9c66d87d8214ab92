package dev.signet.channel;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/**
 * Brand account rows. The poller's and intake's columns change only through the targeted statements here (see
 * {@link ChannelAccount}): each writes what it owns and nothing it read earlier.
 */
@ApplicationScoped
public class ChannelAccountRepository implements PanacheRepository<ChannelAccount> {

    public Optional<ChannelAccount> findByKey(String accountKey) {
        return find("accountKey", accountKey).firstResultOptional();
    }

    /**
     * Takes or renews the poll lease of an account for {@code owner} until {@code until}, in one conditional
     * update: it succeeds when nobody holds the lease, the owner already holds it, or the holder's lease expired.
     */
    public boolean lease(String accountKey, String owner, Instant now, Instant until) {
        return update("leaseOwner = ?1, leaseUntil = ?2 where accountKey = ?3 and (leaseOwner is null or leaseOwner = ?1 or leaseUntil < ?4)",
                owner, until, accountKey, now) == 1;
    }

    /** Renews the lease only if {@code owner} holds it (expired or not: nobody else took it meanwhile). */
    boolean renewLease(String accountKey, String owner, Instant until) {
        return update("leaseUntil = ?1 where accountKey = ?2 and leaseOwner = ?3", until, accountKey, owner) == 1;
    }

    /**
     * Moves the mentions cursor from {@code from} (what this poll started from) to {@code to} (null: stays) and
     * records whether the read was cut short. Optimistic: a poll that lost its lease to a faster replica never puts
     * the cursor back. False when nothing changed.
     */
    boolean moveMentionsCursor(String accountKey, String from, String to, boolean behind) {
        return moveCursor("mentionsSinceId", "mentionsBehind", accountKey, from, to, behind);
    }

    /** Moves the DM cursor like {@link #moveMentionsCursor}. */
    boolean moveDirectMessagesCursor(String accountKey, String from, String to, boolean behind) {
        return moveCursor("dmLastEventId", "dmsBehind", accountKey, from, to, behind);
    }

    private boolean moveCursor(String cursor, String behindFlag, String accountKey, String from, String to,
            boolean behind) {
        String unchanged = from == null ? cursor + " is null" : cursor + " = :from";
        String set = (to == null ? "" : cursor + " = :to, ") + behindFlag + " = :behind";
        Parameters params = Parameters.with("behind", behind).and("key", accountKey);
        if (from != null) {
            params = params.and("from", from);
        }
        if (to != null) {
            params = params.and("to", to);
        }
        return update(set + " where accountKey = :key and " + unchanged, params) == 1;
    }

    /** The poller went through the account (whatever each endpoint's outcome). */
    void polled(String accountKey, Instant at) {
        update("lastPollAt = ?1 where accountKey = ?2 and (lastPollAt is null or lastPollAt < ?1)", at, accountKey);
    }

    /** Intake stored a customer's message written at {@code at}; the time only moves forward. */
    public void customerMessageArrived(String accountKey, Instant at) {
        update("lastMessageAt = ?1 where accountKey = ?2 and (lastMessageAt is null or lastMessageAt < ?1)", at,
                accountKey);
    }
}
