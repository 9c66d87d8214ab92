package dev.signet.channel.gap;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Detection and recovery of gaps in the mentions timeline ({@code signet.channel.gaps.*}). */
@ConfigMapping(prefix = "signet.channel.gaps")
public interface GapConfig {

    /**
     * How far back X's recent search reaches: older parts of a gap can't be recovered and are reported lost. Seven
     * days on X; kept a little shorter so that a search never asks for a since_id X would refuse as too old.
     */
    @WithDefault("167h")
    Duration searchWindow();

    /** Search pages (100 posts each) read per account and poll, so that recovering a large gap can't stall polling. */
    @WithDefault("5")
    int maxPagesPerPoll();

    /** Whether gaps are searched at all (detection and reporting always run). */
    @WithDefault("true")
    boolean recover();
}
