package dev.signet.channel;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Targeted updates of one endpoint's health: each statement changes only the columns its event is about. */
@ApplicationScoped
class ChannelEndpointRepository implements PanacheRepository<ChannelEndpoint> {

    List<ChannelEndpoint> ofAccount(String accountKey) {
        return list("accountKey", accountKey);
    }

    /** A call answered: failures in a row end, a block by X's limit is over; the last error stays for the record. */
    void succeeded(String accountKey, Endpoint endpoint, Instant now) {
        update("lastSuccessAt = ?1, consecutiveFailures = 0, blockedUntil = null where accountKey = ?2 and endpoint = ?3",
                now, accountKey, endpoint);
    }

    /** A call failed; {@code blockedUntil} (may be null) is when X lets the endpoint be called again. */
    void failed(String accountKey, Endpoint endpoint, String reason, Instant blockedUntil, Instant now) {
        update("lastError = ?1, lastErrorAt = ?2, consecutiveFailures = consecutiveFailures + 1, blockedUntil = ?3"
                + " where accountKey = ?4 and endpoint = ?5", reason, now, blockedUntil, accountKey, endpoint);
    }

    /**
     * A read the budget held back: only when the next read may happen (and, while X's window is spent, until when)
     * changes; the last error and failures in a row stay visible.
     */
    void heldBack(String accountKey, Endpoint endpoint, Instant nextReadAt, Instant blockedUntil) {
        if (blockedUntil == null) {
            update("nextReadAt = ?1 where accountKey = ?2 and endpoint = ?3", nextReadAt, accountKey, endpoint);
        } else {
            update("nextReadAt = ?1, blockedUntil = ?2 where accountKey = ?3 and endpoint = ?4", nextReadAt,
                    blockedUntil, accountKey, endpoint);
        }
    }

    /** Records when the next read may happen after one that went through. */
    void nextRead(String accountKey, Endpoint endpoint, Instant nextReadAt) {
        update("nextReadAt = ?1 where accountKey = ?2 and endpoint = ?3", nextReadAt, accountKey, endpoint);
    }
}
