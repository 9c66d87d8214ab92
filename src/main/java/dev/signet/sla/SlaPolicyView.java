package dev.signet.sla;

import java.time.Instant;

/**
 * A policy as the API and the page show it.
 *
 * @param tier    a loyalty tier ({@code GOLD}) or null for every tier
 * @param channel {@code PUBLIC}, {@code DM} or null for both
 * @param hours   the weekly schedule, null when {@code alwaysOpen}
 */
public record SlaPolicyView(Long id, String accountKey, String tier, String channel, Targets targets,
        boolean alwaysOpen, String hours, String holidays, Instant updatedAt, String updatedBy, long version) {

    /** Targets in minutes of business time. */
    public record Targets(int firstResponseMinutes, int nextResponseMinutes, int resolutionMinutes) {
    }

    /** "every tier, public and DM", "gold, DM". */
    public String scopeLabel() {
        return (tier == null ? "every tier" : tier.toLowerCase(java.util.Locale.ROOT)) + ", "
                + (channel == null ? "public and DM" : channel.equals("DM") ? "DM" : "public");
    }
}
