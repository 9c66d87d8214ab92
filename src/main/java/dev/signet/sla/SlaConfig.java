package dev.signet.sla;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service levels ({@code signet.sla.*}). */
@ConfigMapping(prefix = "signet.sla")
public interface SlaConfig {

    /**
     * Priority points a conversation gets at the moment its next target falls due; like waiting time they grow
     * by {@code signet.care.priority.per-hour-waiting} an hour, so the reason rises from some hours before the
     * breach (points ÷ per-hour-waiting hours) and keeps rising after it.
     */
    @WithDefault("40")
    int priorityPoints();

    /** A conversation is "breaching soon" (the queue's filter) when its next target falls due within this. */
    @WithDefault("30m")
    Duration breachingSoon();

    /**
     * How often the record of targets met and breached catches up with the conversations that changed
     * ({@code off} to leave it to callers, as in the tests).
     */
    @WithDefault("5s")
    String recordEvery();

    /** How many changed conversations one catch-up handles in one transaction. */
    @WithDefault("500")
    int recordBatch();

    /** How long a replica trusts its copy of the policies before reading them again (another replica may have changed them). */
    @WithDefault("30s")
    Duration policyRefresh();
}
