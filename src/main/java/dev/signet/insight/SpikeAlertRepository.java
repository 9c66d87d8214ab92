package dev.signet.insight;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SpikeAlertRepository implements PanacheRepository<SpikeAlert> {

    public Optional<SpikeAlert> findOpen(String accountKey, SpikeKind kind) {
        return find("openKey", accountKey + ":" + kind.name()).firstResultOptional();
    }

    /** The account's alerts that were open at some time after {@code since}, newest first. */
    public List<SpikeAlert> since(String accountKey, Instant since, int limit) {
        return find("accountKey = ?1 and (closedAt is null or closedAt >= ?2) order by openedAt desc, id desc",
                accountKey, since).page(0, limit).list();
    }

    public long openCount(String accountKey, SpikeKind kind) {
        return count("openKey", accountKey + ":" + kind.name());
    }
}
