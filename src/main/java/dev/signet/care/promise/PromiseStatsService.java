package dev.signet.care.promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


/** Team figures of promised updates (one SQL statement, from the promises' index on outcome and due time). */
@ApplicationScoped
public class PromiseStatsService {

    public static final int MAX_DAYS = 90;

    private final EntityManager em;
    private final Clock clock;

    public PromiseStatsService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Per brand account (or only {@code accountKey} when given): overdue now, and kept/broken over the last days. */
    @Transactional
    public PromiseStats stats(String accountKey, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw PromiseRejectedException.badPeriod(MAX_DAYS);
        }
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(days));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.account_key, a.handle,
                       sum(case when p.outcome = 'PENDING' and p.due_at > :now then 1 else 0 end),
                       sum(case when p.outcome = 'PENDING' and p.due_at <= :now then 1 else 0 end),
                       sum(case when p.outcome = 'KEPT' then 1 else 0 end),
                       sum(case when p.outcome = 'BROKEN' then 1 else 0 end),
                       sum(case when p.outcome = 'WITHDRAWN' then 1 else 0 end)
                from channel_account a
                left join update_promise p on p.account_id = a.id and (p.outcome = 'PENDING' or p.due_at > :from)
                where (cast(:account as varchar(64)) is null or a.account_key = :account)
                group by a.account_key, a.handle
                order by a.account_key""")
                .setParameter("now", now).setParameter("from", from).setParameter("account", accountKey)
                .getResultList();
        List<PromiseStats.Team> teams = new ArrayList<>(rows.size());
        long[] sum = new long[5];
        for (Object[] r : rows) {
            long[] n = new long[5];
            for (int i = 0; i < 5; i++) {
                n[i] = r[2 + i] == null ? 0 : ((Number) r[2 + i]).longValue();
                sum[i] += n[i];
            }
            teams.add(PromiseStats.Team.of((String) r[0], (String) r[1], n[0], n[1], n[2], n[3], n[4]));
        }
        return new PromiseStats(from, now, days, teams,
                PromiseStats.Team.of(accountKey == null ? "all" : accountKey, null, sum[0], sum[1], sum[2], sum[3], sum[4]));
    }
}
