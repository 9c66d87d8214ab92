package dev.signet.channel;

import java.time.Instant;

/**
 * Whether a brand account receives what it usually receives at this hour.
 *
 * @param usualPerHour   the mean number of customers' messages at this hour over the baseline days
 * @param silentForAtLeast the silence that raises the alarm at this rate, in minutes (0 when not watched)
 * @param silent         true when nothing arrived for longer than that: X (or Signet's access) may be failing
 */
public record AccountSilence(String accountKey, String handle, Instant lastMessageAt, double usualPerHour,
        long silentForAtLeast, boolean silent) {
}
