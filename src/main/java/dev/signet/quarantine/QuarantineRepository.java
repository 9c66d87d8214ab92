package dev.signet.quarantine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.channel.QuarantineReason;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class QuarantineRepository implements PanacheRepository<QuarantineEntry> {

    Optional<QuarantineEntry> waiting(String accountKey, String source, String externalId) {
        return find("accountKey = ?1 and source = ?2 and externalId = ?3 and status = ?4", accountKey, source,
                externalId, QuarantineStatus.QUARANTINED).firstResultOptional();
    }

    /**
     * An item without id is recognised by its JSON (a page read again brings it back unchanged); compared here, not
     * in SQL, as H2 can't compare large text. Such items are rare, so few rows are read.
     */
    Optional<QuarantineEntry> waitingSameJson(String accountKey, String source, String rawJson) {
        return find("accountKey = ?1 and source = ?2 and externalId is null and status = ?3", accountKey, source,
                QuarantineStatus.QUARANTINED).list().stream()
                .filter(entry -> entry.sameJson(rawJson))
                .findFirst();
    }

    List<QuarantineEntry> newest(QuarantineStatus status, int limit) {
        return find("status", Sort.descending("quarantinedAt", "id"), status).page(Page.ofSize(limit)).list();
    }

    /** Waiting items per reason, in one statement. */
    Map<String, Long> waitingByReason() {
        List<Object[]> rows = getEntityManager().createQuery(
                "select e.reason, count(e) from QuarantineEntry e where e.status = :status group by e.reason order by e.reason",
                Object[].class).setParameter("status", QuarantineStatus.QUARANTINED).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(((QuarantineReason) row[0]).name(), (Long) row[1]));
        return counts;
    }
}
