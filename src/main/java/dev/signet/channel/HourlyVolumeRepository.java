package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.common.DatabaseDialect;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HourlyVolumeRepository implements PanacheRepository<HourlyVolume> {

    private final DatabaseDialect dialect;

    public HourlyVolumeRepository(DatabaseDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Adds received messages to their hours (in the caller's transaction), one upsert per hour: intake batches
     * consumed in parallel (Kafka partitions, replicas) add to the same hour without a lost update or a
     * unique-key clash (see {@link DatabaseDialect}). Ids come straight from the pooled sequence: each
     * {@code nextval} is the top of a block nobody else uses.
     */
    public void add(String accountKey, Map<Instant, Long> perHour) {
        String upsert = dialect.isH2() ? """
                merge into hourly_volume t
                using (values (cast(?1 as varchar(64)), cast(?2 as timestamp with time zone), cast(?3 as bigint)))
                    s(account_key, hour_start, messages)
                on t.account_key = s.account_key and t.hour_start = s.hour_start
                when matched then update set messages = t.messages + s.messages
                when not matched then insert (id, account_key, hour_start, messages)
                    values (next value for hourly_volume_seq, s.account_key, s.hour_start, s.messages)"""
                : """
                insert into hourly_volume (id, account_key, hour_start, messages)
                values (nextval('hourly_volume_seq'), ?1, ?2, ?3)
                on conflict (account_key, hour_start) do update set messages = hourly_volume.messages + excluded.messages""";
        perHour.forEach((hour, count) -> getEntityManager().createNativeQuery(upsert)
                .setParameter(1, accountKey)
                .setParameter(2, hour)
                .setParameter(3, count)
                .executeUpdate());
    }

    /**
     * The usual number of messages per hour at this time of day: the mean of the same hour on each of the
     * {@code days} days before (days without messages count as 0).
     */
    public double usualRate(String accountKey, Instant now, int days) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<Instant> sameHours = java.util.stream.IntStream.rangeClosed(1, days)
                .mapToObj(day -> hour.minus(Duration.ofDays(day))).toList();
        Long total = getEntityManager().createQuery(
                "select coalesce(sum(v.messages), 0) from HourlyVolume v where v.accountKey = :a and v.hourStart in :hours",
                Long.class).setParameter("a", accountKey).setParameter("hours", sameHours).getSingleResult();
        return total / (double) days;
    }

    /** Messages per hour of an account from {@code from} (inclusive) to {@code to} (exclusive); one query. */
    public Map<Instant, Long> between(String accountKey, Instant from, Instant to) {
        Map<Instant, Long> perHour = new HashMap<>();
        getEntityManager().createQuery("""
                select v.hourStart, v.messages from HourlyVolume v
                where v.accountKey = :a and v.hourStart >= :from and v.hourStart < :to""", Object[].class)
                .setParameter("a", accountKey).setParameter("from", from).setParameter("to", to)
                .getResultList()
                .forEach(row -> perHour.put((Instant) row[0], (Long) row[1]));
        return perHour;
    }

    /** Messages in each of these hours of an account that had any; one query. */
    public Map<Instant, Long> at(String accountKey, Collection<Instant> hours) {
        Map<Instant, Long> perHour = new HashMap<>();
        getEntityManager().createQuery(
                "select v.hourStart, v.messages from HourlyVolume v where v.accountKey = :a and v.hourStart in :hours",
                Object[].class).setParameter("a", accountKey).setParameter("hours", hours).getResultList()
                .forEach(row -> perHour.put((Instant) row[0], (Long) row[1]));
        return perHour;
    }

    /** The first hour an account received a message in, or null if it never did. */
    public Instant firstHour(String accountKey) {
        return getEntityManager().createQuery("select min(v.hourStart) from HourlyVolume v where v.accountKey = :a",
                Instant.class).setParameter("a", accountKey).getSingleResult();
    }
}
