package dev.signet.channel.push;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.common.DatabaseDialect;

/**
 * The push tables: which messages of an account were pushed and which only reconciliation found (one row per
 * network id: whoever saw it first), and per account the X calls push made and the last event's time. Inserts are
 * atomic "insert if absent" (see {@link DatabaseDialect}), so a pushed and a polled copy racing count once.
 */
@ApplicationScoped
class PushLedger {

    static final String PUSHED = "push";
    static final String RECONCILED = "reconciliation";

    private final EntityManager em;
    private final DatabaseDialect dialect;

    PushLedger(EntityManager em, DatabaseDialect dialect) {
        this.em = em;
        this.dialect = dialect;
    }

    /** The account's row, created when missing; {@code pushSince} is kept once set. */
    @Transactional
    void register(String accountKey, Instant now) {
        String sql = dialect.isH2() ? """
                merge into push_account t using (values (cast(?1 as varchar(64)), cast(?2 as timestamp with time zone)))
                    s(account_key, push_since) on t.account_key = s.account_key
                when not matched then insert (account_key, requests, push_since) values (s.account_key, 0, s.push_since)"""
                : """
                insert into push_account (account_key, requests, push_since) values (?1, 0, ?2)
                on conflict (account_key) do nothing""";
        em.createNativeQuery(sql).setParameter(1, accountKey).setParameter(2, now).executeUpdate();
    }

    /** {@link #seen} for several ids in one transaction. */
    @Transactional
    void seenAll(String accountKey, java.util.Collection<String> externalIds, String source, Instant now) {
        externalIds.forEach(id -> seen(accountKey, id, source, now));
    }

    /** Records that {@code externalId} was seen first by {@code source}; false when it was seen already. */
    @Transactional
    boolean seen(String accountKey, String externalId, String source, Instant now) {
        String sql = dialect.isH2() ? """
                merge into push_seen t using (values (cast(?1 as varchar(64)), cast(?2 as varchar(32)),
                        cast(?3 as varchar(16)), cast(?4 as timestamp with time zone)))
                    s(account_key, external_id, source, seen_at)
                    on t.account_key = s.account_key and t.external_id = s.external_id
                when not matched then insert (account_key, external_id, source, seen_at)
                    values (s.account_key, s.external_id, s.source, s.seen_at)"""
                : """
                insert into push_seen (account_key, external_id, source, seen_at) values (?1, ?2, ?3, ?4)
                on conflict (account_key, external_id) do nothing""";
        return em.createNativeQuery(sql).setParameter(1, accountKey).setParameter(2, externalId)
                .setParameter(3, source).setParameter(4, now).executeUpdate() > 0;
    }

    /** Counts X calls push made for the account. */
    @Transactional
    void requests(String accountKey, int count) {
        em.createNativeQuery("update push_account set requests = requests + ?1 where account_key = ?2")
                .setParameter(1, count).setParameter(2, accountKey).executeUpdate();
    }

    @Transactional
    void eventReceived(String accountKey, Instant at) {
        em.createNativeQuery("update push_account set last_event_at = ?1 where account_key = ?2"
                + " and (last_event_at is null or last_event_at < ?1)")
                .setParameter(1, at).setParameter(2, accountKey).executeUpdate();
    }

    @Transactional
    Optional<Instant> lastEventAt(String accountKey) {
        List<?> rows = em.createNativeQuery("select last_event_at from push_account where account_key = ?1")
                .setParameter(1, accountKey).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    @Transactional
    Optional<Instant> pushSince(String accountKey) {
        List<?> rows = em.createNativeQuery("select push_since from push_account where account_key = ?1")
                .setParameter(1, accountKey).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    /** Per account: messages pushed, messages only reconciliation found, push's X calls. */
    @Transactional
    Map<String, Figures> figures() {
        Map<String, Figures> byAccount = new HashMap<>();
        for (Object row : em.createNativeQuery("select account_key, requests from push_account").getResultList()) {
            Object[] cells = (Object[]) row;
            byAccount.put((String) cells[0], new Figures(0, 0, ((Number) cells[1]).longValue()));
        }
        for (Object row : em.createNativeQuery(
                "select account_key, source, count(*) from push_seen group by account_key, source").getResultList()) {
            Object[] cells = (Object[]) row;
            String account = (String) cells[0];
            long count = ((Number) cells[2]).longValue();
            Figures figures = byAccount.getOrDefault(account, new Figures(0, 0, 0));
            byAccount.put(account, PUSHED.equals(cells[1])
                    ? new Figures(count, figures.foundByReconciliation(), figures.requests())
                    : new Figures(figures.pushed(), count, figures.requests()));
        }
        return byAccount;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** An account's push figures. */
    record Figures(long pushed, long foundByReconciliation, long requests) {
    }
}
