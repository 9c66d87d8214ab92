package dev.signet.insight;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The brand manager's insights: what is flagged, how many terms are shown, and when a spike raises an alert. */
@ConfigMapping(prefix = "signet.insight")
public interface InsightConfig {

    /** A message scored negative with at least this confidence (0..1) is flagged for the brand manager. */
    @WithDefault("0.8")
    double flagConfidence();

    /** How many hashtags and terms the insights show. */
    @WithDefault("10")
    int topTerms();

    /** Spike alerts. */
    Alerts alerts();

    /**
     * The spike rule: an hour's value is compared with the same hour of the week in the past weeks (its own
     * baseline); the robust z-score is {@code 0.6745 · (value − median) / MAD}. An episode opens when the current
     * or the last full hour crosses the threshold, and closes when both are back under it.
     */
    interface Alerts {

        /** Check for spikes on a schedule (every minute). Off: no alerts are raised. */
        @WithDefault("true")
        boolean enabled();

        /** How many past weeks give the baseline of an hour of the week. */
        @WithDefault("6")
        int baselineWeeks();

        /** Fewer past weeks with data than this: too little history to judge, no alert. */
        @WithDefault("3")
        int minBaselineWeeks();

        /** The robust z-score from which an hour is a spike (3.5 is the usual outlier cut-off for this score). */
        @WithDefault("3.5")
        double zThreshold();

        /** A volume spike needs at least this many messages in the hour (a quiet account's 1 → 4 is no news). */
        @WithDefault("20")
        long minVolume();

        /** A negative-share spike needs at least this many scored messages in the hour. */
        @WithDefault("20")
        long minScored();

        /**
         * The smallest spread (MAD) assumed for volume, in messages: a perfectly regular history would otherwise
         * make any small change infinitely surprising.
         */
        @WithDefault("2")
        double minVolumeMad();

        /** The smallest spread (MAD) assumed for the negative share (0..1). */
        @WithDefault("0.03")
        double minShareMad();

        /** Where to POST each new alert as JSON (signed with HMAC-SHA256); none: no webhook. */
        Optional<URI> webhookUrl();

        /**
         * The secret the webhook body is signed with ({@code X-Signet-Signature: sha256=<hex>}). Required with a
         * webhook URL; from the environment ({@code SIGNET_INSIGHT_ALERTS_WEBHOOK_SECRET}), never a file.
         */
        Optional<String> webhookSecret();

        /** How long a webhook call may take. */
        @WithDefault("5s")
        Duration webhookTimeout();
    }
}
