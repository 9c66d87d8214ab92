package dev.signet.reply;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEntry> {

    /**
     * Takes the entry for one publisher: PENDING → PUBLISHING in one conditional update, so two publishers
     * (the request and the sweeper) never send the same entry.
     */
    public boolean claim(long id) {
        return update("status = ?1, attempts = attempts + 1 where id = ?2 and status = ?3",
                DeliveryStatus.PUBLISHING, id, DeliveryStatus.PENDING) == 1;
    }

    public List<Long> pendingBefore(Instant before, int limit) {
        return find("status = ?1 and createdAt < ?2 order by createdAt", DeliveryStatus.PENDING, before)
                .page(0, limit).list().stream().map(OutboxEntry::id).toList();
    }
}
