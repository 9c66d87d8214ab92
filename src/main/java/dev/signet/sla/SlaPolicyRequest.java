package dev.signet.sla;

/**
 * A policy as asked for (API body and page form): the scope, the targets in minutes of business time, and 24/7 or
 * business hours with holidays.
 *
 * @param tier    a loyalty tier, blank or null for every tier
 * @param channel {@code PUBLIC}, {@code DM}, blank or null for both
 * @param hours   e.g. {@code MON-FRI 09:00-17:00, SAT 10:00-14:00}; ignored when {@code alwaysOpen}
 * @param holidays comma-separated dates ({@code 2026-12-25}); ignored when {@code alwaysOpen}
 */
public record SlaPolicyRequest(String accountKey, String tier, String channel, Integer firstResponseMinutes,
        Integer nextResponseMinutes, Integer resolutionMinutes, Boolean alwaysOpen, String hours, String holidays) {
}
