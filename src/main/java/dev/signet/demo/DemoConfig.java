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
