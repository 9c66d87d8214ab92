package dev.signet.channel;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a brand account counts as silent: customers usually write at this hour, and nothing has come. */
@ConfigMapping(prefix = "signet.channel.silence")
public interface SilenceConfig {

    /** How many days back the usual rate for this hour of the day is averaged over. */
    @WithDefault("7")
    int baselineDays();

    /** Below this usual rate (messages per hour) an account is not watched: a quiet hour is normal. */
    @WithDefault("2")
    double minHourlyRate();

    /**
     * Silent once no message came for this many usual gaps between messages (4 gaps: about a 2% chance of a
     * false alarm on a steady stream).
     */
    @WithDefault("4")
    double gaps();

    /** Never silent before this long without a message, whatever the rate. */
    @WithDefault("15m")
    Duration minimumSilence();
}
