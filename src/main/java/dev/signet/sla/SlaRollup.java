package dev.signet.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.channel.AccountTimeZones;
import dev.signet.channel.ChannelConfig;
import dev.signet.common.DatabaseDialect;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The daily roll-up of the record of targets ({@code sla_daily}): per account-local day of the start, target, tier,
 * channel and duration bucket ({@link DurationBuckets}), the targets met, missed and still running. It always equals
 * the sum of {@code sla_target}'s rows: {@link SlaRecorder} hands it the rows it removes and writes, in the same
 * transaction. The days are cut in the account's time zone; when the configured zone differs from the one the
 * roll-up was built in (or none was, after the upgrade that brought it), the account's roll-up is rebuilt from the
 * record at start and before its next change. A rebuild holds the account's row of {@code sla_daily_zone} for
 * update, changes hold it for share, so a rebuild never misses a change being written.
 */
@ApplicationScoped
public class SlaRollup {

    private static final Logger LOG = Logger.getLogger(SlaRollup.class);
    private static final int ROWS_PER_STATEMENT = 200;
    private static final int FETCH_SIZE = 5_000;

    private final EntityManager em;
    private final DatabaseDialect dialect;
    private final AccountTimeZones zones;
    private final ChannelConfig channels;

    public SlaRollup(EntityManager em, DatabaseDialect dialect, AccountTimeZones zones, ChannelConfig channels) {
        this.em = em;
        this.dialect = dialect;
        this.zones = zones;
        this.channels = channels;
    }

    /** One roll-up row's key. */
    record Key(String account, LocalDate day, String target, String tier, String channel, int bucket) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::account).thenComparing(Key::day)
                .thenComparing(Key::target).thenComparing(Key::tier).thenComparing(Key::channel)
                .thenComparingInt(Key::bucket);
    }

    /** Changes to the roll-up, summed per row and kept in key order (every writer locks rows in the same order). */
    final class Changes {
        private final Map<Key, long[]> rows = new TreeMap<>(Key.ORDER);

        /** Adds (+1) or removes (-1) one target of the record. */
        void add(String account, String tier, String channel, String target, Instant startedAt, Boolean met,
                Long businessSeconds, int sign) {
            LocalDate day = LocalDate.ofInstant(startedAt, zones.of(account));
            int bucket = met == null || businessSeconds == null ? DurationBuckets.RUNNING
                    : DurationBuckets.of(businessSeconds);
            long[] counts = rows.computeIfAbsent(new Key(account, day, target, tier, channel, bucket), k -> new long[3]);
            counts[met == null ? 2 : met ? 0 : 1] += sign;
        }

        Set<String> accounts() {
            Set<String> accounts = new TreeSet<>();
            rows.keySet().forEach(k -> accounts.add(k.account()));
            return accounts;
        }
    }

    Changes changes() {
        return new Changes();
    }

    /**
     * In the transaction that rewrote the record's rows (already flushed): takes the accounts' zone rows, rebuilds the
     * roll-up of an account whose zone changed (from the record, this transaction's rows included), and adds the
     * changes of the others.
     */
    void apply(Changes changes) {
        Set<String> rebuilt = new TreeSet<>();
        for (String account : changes.accounts()) {
            if (!holdForChange(account)) {
                rebuildHeld(account);
                rebuilt.add(account);
            }
        }
        List<Map.Entry<Key, long[]>> rows = changes.rows.entrySet().stream()
                .filter(e -> !rebuilt.contains(e.getKey().account()))
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0 || e.getValue()[2] != 0).toList();
        upsert(rows);
    }

    /** Rebuilds one account's roll-up from the record (after seeding the record directly, say). */
    @Transactional
    public void rebuild(String accountKey) {
        ensureZoneRow(accountKey);
        rebuildHeld(accountKey);
    }

    void onStart(@Observes StartupEvent event) {
        for (String account : new TreeSet<>(channels.accounts().keySet())) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!zones.of(account).getId().equals(storedZone(account, ""))) {
                    rebuild(account);
                }
            });
        }
    }

    /** True when the account's roll-up is in its configured zone, the zone row then held for share. */
    private boolean holdForChange(String account) {
        String zone = zones.of(account).getId();
        if (!zone.equals(storedZone(account, ""))) {
            ensureZoneRow(account);
            return false;
        }
        String held = storedZone(account, dialect.isH2() ? " for update" : " for share");
        if (!zone.equals(held)) {
            // Another replica rebuilt it in another zone meanwhile (replicas configured differently): retried next run.
            throw new IllegalStateException("The time zone of the service-level roll-up of " + account + " changed");
        }
        return true;
    }

    private String storedZone(String account, String lock) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select zone from sla_daily_zone where account_key = ?1" + lock)
                .setParameter(1, account).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private void ensureZoneRow(String account) {
        String sql = dialect.isH2() ? """
                merge into sla_daily_zone t using (values (cast(?1 as varchar(64)))) s(account_key)
                on t.account_key = s.account_key when not matched then insert (account_key, zone) values (s.account_key, '')"""
                : "insert into sla_daily_zone (account_key, zone) values (?1, '') on conflict do nothing";
        em.createNativeQuery(sql).setParameter(1, account).executeUpdate();
    }

    /** Rebuilds the account's roll-up from the record, holding its zone row for update. */
    private void rebuildHeld(String account) {
        storedZone(account, " for update");
        ZoneId zone = zones.of(account);
        em.createNativeQuery("delete from sla_daily where account_key = ?1").setParameter(1, account).executeUpdate();
        Changes all = new Changes();
        long targets = 0;
        @SuppressWarnings("unchecked")
        Stream<Object[]> stream = em.createNativeQuery("""
                select tier, channel, target, started_at, met, business_seconds from sla_target where account_key = ?1""")
                .setParameter(1, account).setHint("org.hibernate.fetchSize", FETCH_SIZE).getResultStream();
        try (Stream<Object[]> rows = stream) {
            for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                all.add(account, (String) r[0], (String) r[1], (String) r[2], instant(r[3]), (Boolean) r[4],
                        r[5] == null ? null : ((Number) r[5]).longValue(), 1);
                targets++;
            }
        }
        upsert(new ArrayList<>(all.rows.entrySet()));
        em.createNativeQuery("update sla_daily_zone set zone = ?1 where account_key = ?2").setParameter(1, zone.getId())
                .setParameter(2, account).executeUpdate();
        LOG.infof("sla roll-up rebuilt: account=%s zone=%s targets=%d rows=%d", account, zone.getId(), targets,
                all.rows.size());
    }

    private void upsert(List<Map.Entry<Key, long[]>> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<Key, long[]>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 9;
                values.append(i == 0 ? "" : ", ").append(String.format(
                        "(cast(?%d as varchar(64)), cast(?%d as date), cast(?%d as varchar(20)), cast(?%d as varchar(64)), "
                                + "cast(?%d as varchar(16)), cast(?%d as smallint), cast(?%d as bigint), cast(?%d as bigint), "
                                + "cast(?%d as bigint))",
                        p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9));
            }
            String columns = "account_key, local_day, target, tier, channel, bucket, met, missed, running";
            String sql = dialect.isH2() ? "merge into sla_daily t using (values " + values + ") s(" + columns + """
                    ) on t.account_key = s.account_key and t.local_day = s.local_day and t.target = s.target
                      and t.tier = s.tier and t.channel = s.channel and t.bucket = s.bucket
                    when matched then update set met = t.met + s.met, missed = t.missed + s.missed, running = t.running + s.running
                    when not matched then insert (account_key, local_day, target, tier, channel, bucket, met, missed, running)
                      values (s.account_key, s.local_day, s.target, s.tier, s.channel, s.bucket, s.met, s.missed, s.running)"""
                    : "insert into sla_daily (" + columns + ") values " + values + """
                     on conflict (account_key, local_day, target, tier, channel, bucket) do update set
                      met = sla_daily.met + excluded.met, missed = sla_daily.missed + excluded.missed,
                      running = sla_daily.running + excluded.running""";
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < chunk.size(); i++) {
                Key k = chunk.get(i).getKey();
                long[] c = chunk.get(i).getValue();
                int p = i * 9;
                query.setParameter(p + 1, k.account()).setParameter(p + 2, k.day()).setParameter(p + 3, k.target())
                        .setParameter(p + 4, k.tier()).setParameter(p + 5, k.channel()).setParameter(p + 6, k.bucket())
                        .setParameter(p + 7, c[0]).setParameter(p + 8, c[1]).setParameter(p + 9, c[2]);
            }
            query.executeUpdate();
        }
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
