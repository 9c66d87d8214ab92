package dev.signet.channel;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * X's pay-per-use prices in US dollars (self-serve access since 2026-02-06), for the cost meter. Enterprise
 * contracts price differently: set these to your contract's figures.
 */
@ConfigMapping(prefix = "signet.channel.cost")
public interface ApiCostConfig {

    /** Price of one post read (an "owned read" of a mention). */
    @WithDefault("0.001")
    BigDecimal postRead();

    /** Price of one DM event read. */
    @WithDefault("0.010")
    BigDecimal dmRead();

    /** Price of one public reply to a customer who mentioned the brand. */
    @WithDefault("0.010")
    BigDecimal reply();

    /** Price of one post that contains a URL. */
    @WithDefault("0.20")
    BigDecimal postWithUrl();

    /** Price of one DM sent. */
    @WithDefault("0.015")
    BigDecimal dmSent();

    /** Price of one user read: an author looked up because X's answer did not expand them. */
    @WithDefault("0.010")
    BigDecimal userRead();
}
