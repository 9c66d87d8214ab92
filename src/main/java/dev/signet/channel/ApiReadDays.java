package dev.signet.channel;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.common.DatabaseDialect;

/**
 * Which resources each account read on a UTC day ({@code api_read_day}), so that a re-read on the same day is not
 * counted again: X bills a resource once per day. Rows older than yesterday are of no use and are purged daily.
 */
@ApplicationScoped
class ApiReadDays {

    private final EntityManager em;
    private final DatabaseDialect dialect;

    ApiReadDays(EntityManager em, DatabaseDialect dialect) {
        this.em = em;
        this.dialect = dialect;
    }

    /**
     * Records the read in the caller's transaction; true when it is the resource's first read of the day. Insert if
     * absent in one statement, so a pushed and a polled copy racing are billed once.
     */
    boolean firstReadToday(String accountKey, LocalDate day, String resourceId) {
        String sql = dialect.isH2() ? """
                merge into api_read_day t using (values (cast(?1 as varchar(64)), cast(?2 as date),
                        cast(?3 as varchar(40)))) s(account_key, read_day, resource_id)
                    on t.account_key = s.account_key and t.read_day = s.read_day and t.resource_id = s.resource_id
                when not matched then insert (account_key, read_day, resource_id)
                    values (s.account_key, s.read_day, s.resource_id)"""
                : """
                insert into api_read_day (account_key, read_day, resource_id) values (?1, ?2, ?3)
                on conflict do nothing""";
        return em.createNativeQuery(sql).setParameter(1, accountKey).setParameter(2, day).setParameter(3, resourceId)
                .executeUpdate() > 0;
    }

    /** Forgets the days before {@code keepFrom}; returns how many rows went. */
    int purgeBefore(LocalDate keepFrom) {
        return em.createNativeQuery("delete from api_read_day where read_day < ?1").setParameter(1, keepFrom)
                .executeUpdate();
    }
}
