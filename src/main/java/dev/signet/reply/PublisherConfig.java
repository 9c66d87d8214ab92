package dev.signet.reply;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How replies are published: retries within one attempt, backoff between attempts, and recovery of stuck ones. */
@ConfigMapping(prefix = "signet.reply.publisher")
public interface PublisherConfig {

    /**
     * Retries within one publish attempt on a passing failure (5xx, timeout, network error), with exponential
     * backoff and jitter. Every retry first looks the reply up on X, as the failed try may have reached it.
     */
    @WithDefault("3")
    int retries();

    /** Delay before the first of those retries; doubled for each next one (with up to half of it as jitter). */
    @WithDefault("200ms")
    Duration retryDelay();

    /** The longest delay between two retries of one attempt. */
    @WithDefault("3s")
    Duration retryMaxDelay();

    /** Attempts (each with its retries) before a reply that keeps failing is marked FAILED and shown to the agent. */
    @WithDefault("5")
    int maxAttempts();

    /**
     * Wait before the sweeper makes the next attempt at a reply whose attempt failed for a passing reason; doubled
     * per attempt, at most 16 times this. A rate limit waits for X's reset instead.
     */
    @WithDefault("15s")
    Duration backoff();

    /**
     * A reply PUBLISHING for longer than this was left by a publisher that stopped (crash, kill, lost node): the
     * sweeper takes it back and publishes it, looking it up on X first. Keep it well above the longest attempt
     * (request timeout × (retries + 1), plus look-ups and backoff).
     */
    @WithDefault("2m")
    Duration stuckTimeout();

    /** How often the sweeper publishes pending replies and takes back stuck ones, e.g. {@code 30s}. */
    @WithDefault("30s")
    String sweepInterval();

    /** A pending reply younger than this is left to the request (or outbound event) that stored it. */
    @WithDefault("20s")
    Duration grace();
}
