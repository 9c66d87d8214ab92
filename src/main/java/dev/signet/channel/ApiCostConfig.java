package dev.signet.channel;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * X's pay-per-use prices in US dollars for the cost meter. Source: X's self-serve pay-per-use price table in force
 * since 2026-02-06 (X developer docs, "Pricing" and "X Activity API: billing", snapshot of August 2026). X bills a
 * read per resource returned and a resource once per UTC day. Enterprise contracts price differently: set these to
 * your contract's figures.
 */
@ConfigMapping(prefix = "signet.channel.cost")
public interface ApiCostConfig {

    /** Price of one "owned read": a post read from the brand's own mentions timeline. */
    @WithDefault("0.001")
    BigDecimal ownedRead();

    /** Price of one post read that is not an owned read: X's search, and each post event the Activity API pushes. */
    @WithDefault("0.005")
    BigDecimal postRead();

    /** Price of one DM event read, polled from the DM events list or pushed by the Activity API. */
    @WithDefault("0.010")
    BigDecimal dmRead();

    /** Price of one public reply to a customer who mentioned the brand. */
    @WithDefault("0.010")
    BigDecimal reply();

    /** Price of one public post without a URL that answers no mention of the brand. */
    @WithDefault("0.015")
    BigDecimal post();

    /** Price of one post (reply or not) that contains a URL. */
    @WithDefault("0.20")
    BigDecimal postWithUrl();

    /** Price of one DM sent. */
    @WithDefault("0.015")
    BigDecimal dmSent();

    /** Price of one user read: an author looked up because X's answer did not expand them. */
    @WithDefault("0.010")
    BigDecimal userRead();
}
