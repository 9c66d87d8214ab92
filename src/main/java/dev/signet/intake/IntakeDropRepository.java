package dev.signet.intake;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.common.DatabaseDialect;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class IntakeDropRepository implements PanacheRepository<IntakeDrop> {

    private final DatabaseDialect dialect;

    public IntakeDropRepository(DatabaseDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Counts dropped messages (in the caller's transaction) with one atomic upsert, so that batches consumed in
     * parallel neither lose a count nor clash on the first row (see {@link DatabaseDialect}).
     */
    public void count(String accountKey, IntakeResult reason, long count, String lastExternalId, Instant now) {
        String upsert = dialect.isH2() ? """
                merge into intake_drop t
                using (values (cast(?1 as varchar(64)), cast(?2 as varchar(32)), cast(?3 as bigint),
                        cast(?4 as varchar(32)), cast(?5 as timestamp with time zone)))
                    s(account_key, reason, dropped, last_external_id, last_dropped_at)
                on t.account_key = s.account_key and t.reason = s.reason
                when matched then update set dropped = t.dropped + s.dropped, last_external_id = s.last_external_id,
                    last_dropped_at = s.last_dropped_at
                when not matched then insert (id, account_key, reason, dropped, last_external_id, last_dropped_at)
                    values (next value for intake_drop_seq, s.account_key, s.reason, s.dropped, s.last_external_id,
                        s.last_dropped_at)"""
                : """
                insert into intake_drop (id, account_key, reason, dropped, last_external_id, last_dropped_at)
                values (nextval('intake_drop_seq'), ?1, ?2, ?3, ?4, ?5)
                on conflict (account_key, reason) do update set dropped = intake_drop.dropped + excluded.dropped,
                    last_external_id = excluded.last_external_id, last_dropped_at = excluded.last_dropped_at""";
        getEntityManager().createNativeQuery(upsert)
                .setParameter(1, accountKey)
                .setParameter(2, reason.name())
                .setParameter(3, count)
                .setParameter(4, lastExternalId)
                .setParameter(5, now)
                .executeUpdate();
    }

    public List<IntakeDrop> forAccount(String accountKey) {
        return list("accountKey = ?1 order by reason", accountKey);
    }
}
