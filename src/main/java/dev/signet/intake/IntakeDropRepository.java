package dev.signet.intake;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class IntakeDropRepository implements PanacheRepository<IntakeDrop> {

    /** Counts dropped messages (in the caller's transaction). */
    public void count(String accountKey, IntakeResult reason, long count, String lastExternalId, Instant now) {
        IntakeDrop drop = find("accountKey = ?1 and reason = ?2", accountKey, reason.name()).firstResult();
        if (drop == null) {
            drop = new IntakeDrop(accountKey, reason, now);
            persist(drop);
        }
        drop.count(count, lastExternalId, now);
    }

    public List<IntakeDrop> forAccount(String accountKey) {
        return list("accountKey = ?1 order by reason", accountKey);
    }
}
