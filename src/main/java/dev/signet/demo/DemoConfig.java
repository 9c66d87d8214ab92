package dev.signet.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data of the embedded default. Never enabled in production. */
@ConfigMapping(prefix = "signet.demo")
public interface DemoConfig {

    /**
     * Seed demo users (one per role) and the demo CRM list at start, when they are missing. True on the
     * embedded default only.
     */
    @WithDefault("false")
    boolean seed();

    /**
     * With {@code seed}: stage the demo's scenes once the first polls have brought conversations in (Jonas holds the
     * conversation at the top of the queue, a continuity offer to Maria, goodwill gestures, a promised update). Off
     * where the demo users are wanted without the scenes, e.g. the publish crash benchmark, whose agent must not find
     * one of its conversations held by Jonas for a claim lease.
     */
    @WithDefault("true")
    boolean scenes();

    /** The password of every demo user. */
    @WithDefault("signet")
    String password();

    /**
     * Seed five weeks of demo insight history (hourly volume and sentiment, terms, a spike in the last hours) for
     * the demo brand accounts, when they have none. True on the embedded default only; the insights page then
     * says that it shows demo data.
     */
    @WithDefault("false")
    boolean insightsHistory();
}
