package dev.signet.reply;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.Network;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEntry> {

    /** The reply stored earlier under a client's Idempotency-Key, with its message. */
    public Optional<OutboxEntry> byIdempotencyKey(String idempotencyKey) {
        return find("from OutboxEntry o join fetch o.message where o.idempotencyKey = ?1", idempotencyKey)
                .firstResultOptional();
    }

    /**
     * Takes the entry for one publisher: PENDING → PUBLISHING in one conditional update, so two publishers
     * (the request, the outbound topic, the sweepers of every replica) never send the same entry.
     */
    public boolean claim(long id, Instant now) {
        return update("status = ?1, attempts = attempts + 1, claimedAt = ?2 where id = ?3 and status = ?4",
                DeliveryStatus.PUBLISHING, now, id, DeliveryStatus.PENDING) == 1;
    }

    /**
     * Pending entries due for an attempt, oldest first: those past their backoff (a failed attempt, a stuck entry
     * taken back, an agent's retry), and those never tried that were stored before {@code storedBefore}.
     */
    public List<Long> due(Instant storedBefore, Instant now, int limit) {
        return find("status = ?1 and ((nextAttemptAt is null and createdAt < ?2) or nextAttemptAt <= ?3)"
                + " order by createdAt", DeliveryStatus.PENDING, storedBefore, now)
                .page(0, limit).list().stream().map(OutboxEntry::id).toList();
    }

    /**
     * Gives back entries left PUBLISHING since before {@code claimedBefore} by a publisher that stopped: PUBLISHING →
     * PENDING, due now, with the reason kept. Conditional on the claim time, so an entry claimed again meanwhile
     * stays with its new publisher.
     */
    public int releaseStuck(Instant claimedBefore, Instant now) {
        return update("status = ?1, nextAttemptAt = ?2, lastError = ?3 where status = ?4 and claimedAt < ?5",
                DeliveryStatus.PENDING, now, "The publisher stopped mid-publish; looked up on X before sending again.",
                DeliveryStatus.PUBLISHING, claimedBefore);
    }

    /**
     * Entries SENT without X's id (an unreadable 2xx answer) that are due a look-up: sent before {@code sentBefore}
     * (X has indexed them by then), with fewer than {@code maxLookups} look-ups made, oldest first.
     */
    public List<Long> idsToRecover(Instant sentBefore, int maxLookups, int limit) {
        return find("status = ?1 and idUnknownReason is not null and message.externalId is null and sentAt < ?2"
                + " and idLookups < ?3 order by sentAt", DeliveryStatus.SENT, sentBefore, maxLookups)
                .page(0, limit).list().stream().map(OutboxEntry::id).toList();
    }

    /** Takes one look-up of an entry's X id, conditional on the count seen, so two sweepers look once. */
    public boolean claimIdLookup(long id, int lookupsSeen) {
        return update("idLookups = idLookups + 1 where id = ?1 and idLookups = ?2", id, lookupsSeen) == 1;
    }

    /** An agent's retry of a FAILED entry: FAILED → PENDING, conditional, so two clicks retry once. */
    public boolean requestRetry(OutboxEntry entry, Instant now) {
        if (update("status = ?1 where id = ?2 and status = ?3", DeliveryStatus.PENDING, entry.id(),
                DeliveryStatus.FAILED) != 1) {
            return false;
        }
        getEntityManager().refresh(entry);
        entry.retryRequested(now);
        return true;
    }

    public Optional<OutboxEntry> forMessage(long conversationId, long messageId) {
        return find("message.id = ?1 and message.conversation.id = ?2", messageId, conversationId).firstResultOptional();
    }

    /** The entries of these messages, in one query. */
    public List<OutboxEntry> forMessages(Collection<Long> messageIds) {
        return messageIds.isEmpty() ? List.of() : list("message.id in ?1", messageIds);
    }

    /** Which of these network ids are already the id of a stored message (so not the reply being recovered). */
    public Set<String> externalIdsTaken(Network network, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Set.of();
        }
        return getEntityManager()
                .createQuery("select m.externalId from Message m where m.network = :network and m.externalId in :ids",
                        String.class)
                .setParameter("network", network)
                .setParameter("ids", externalIds)
                .getResultStream()
                .collect(Collectors.toSet());
    }
}
