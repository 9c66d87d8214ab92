package dev.signet.channel;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

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
        return update("leaseOwner = ?1, leaseUntil = ?2 where accountKey = ?3"
                + " and (leaseOwner is null or leaseOwner = ?1 or leaseUntil < ?4)",
                owner, until, accountKey, now) == 1;
    }
}
