package dev.signet.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HourlyVolumeRepository implements PanacheRepository<HourlyVolume> {

    /** Adds received messages to their hours (in the caller's transaction). */
    public void add(String accountKey, Map<Instant, Long> perHour) {
        perHour.forEach((hour, count) -> {
            HourlyVolume volume = find("accountKey = ?1 and hourStart = ?2", accountKey, hour).firstResult();
            if (volume == null) {
                volume = new HourlyVolume(accountKey, hour);
                persist(volume);
            }
            volume.add(count);
        });
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
}
