package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;

/** Decides whether an account has gone silent compared with its usual rate for this hour. */
public final class SilenceRule {

    private SilenceRule() {
    }

    /** How long without a message counts as silence at this usual rate, or null when the rate is too low to tell. */
    public static Duration threshold(double usualPerHour, double minHourlyRate, double gaps, Duration minimum) {
        if (usualPerHour < minHourlyRate || usualPerHour <= 0) {
            return null;
        }
        Duration usualGap = Duration.ofMillis((long) (3_600_000 / usualPerHour));
        Duration silence = Duration.ofMillis((long) (usualGap.toMillis() * gaps));
        return silence.compareTo(minimum) < 0 ? minimum : silence;
    }

    public static boolean silent(Instant lastMessageAt, Instant now, Duration threshold) {
        return threshold != null && lastMessageAt != null && Duration.between(lastMessageAt, now).compareTo(threshold) > 0;
    }
}
