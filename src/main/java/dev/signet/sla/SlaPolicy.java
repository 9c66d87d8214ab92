package dev.signet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A service-level policy of a brand account, optionally narrowed to a loyalty tier and/or a channel (public or
 * DM): targets in minutes of business time, and the hours they count in ({@link BusinessHours}; 24/7 or a weekly
 * schedule with holidays in the account's zone). {@code scope} ({@code account|tier|channel}, {@code *} for any) is
 * unique, so each scope has at most one policy. Changed only through {@link SlaPolicyService}, which audits.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    /** A loyalty tier name ({@code GOLD}), or null for every tier. */
    private String tier;

    /** {@code PUBLIC} or {@code DM}, or null for both. */
    private String channel;

    @Column(nullable = false)
    private String scope;

    @Column(name = "first_response_minutes", nullable = false)
    private int firstResponseMinutes;

    @Column(name = "next_response_minutes", nullable = false)
    private int nextResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Column(name = "always_open", nullable = false)
    private boolean alwaysOpen;

    /** The weekly schedule, e.g. {@code MON-FRI 09:00-17:00}; null when always open. */
    private String hours;

    /** Comma-separated ISO dates. */
    @Column(nullable = false)
    private String holidays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected SlaPolicy() {
    }

    SlaPolicy(String accountKey, String tier, String channel) {
        this.accountKey = accountKey;
        this.tier = tier;
        this.channel = channel;
        this.scope = scopeOf(accountKey, tier, channel);
    }

    static String scopeOf(String accountKey, String tier, String channel) {
        return accountKey + "|" + (tier == null ? "*" : tier) + "|" + (channel == null ? "*" : channel);
    }

    void update(SlaPolicyView.Targets targets, boolean alwaysOpen, String hours, String holidays, String by, Instant at) {
        this.firstResponseMinutes = targets.firstResponseMinutes();
        this.nextResponseMinutes = targets.nextResponseMinutes();
        this.resolutionMinutes = targets.resolutionMinutes();
        this.alwaysOpen = alwaysOpen;
        this.hours = alwaysOpen ? null : hours;
        this.holidays = holidays == null ? "" : holidays;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** The policy's hours in {@code zone}. */
    public BusinessHours businessHours(ZoneId zone) {
        return alwaysOpen ? BusinessHours.alwaysOpen(zone) : BusinessHours.parse(hours, holidays, zone);
    }

    /** The target of {@code target} as business time. */
    public Duration target(SlaTarget target) {
        return Duration.ofMinutes(switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        });
    }

    public SlaPolicyView view() {
        return new SlaPolicyView(id, accountKey, tier, channel,
                new SlaPolicyView.Targets(firstResponseMinutes, nextResponseMinutes, resolutionMinutes), alwaysOpen,
                hours, holidays, updatedAt, updatedBy, version);
    }

    public Long id() {
        return id;
    }

    public String accountKey() {
        return accountKey;
    }

    public String tier() {
        return tier;
    }

    public String channel() {
        return channel;
    }
}
