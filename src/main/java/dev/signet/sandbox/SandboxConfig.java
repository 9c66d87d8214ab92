package dev.signet.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of the sandbox: Signet's own fake of the X API, served by the application itself so that
 * Signet runs offline and tests never reach X.
 */
@ConfigMapping(prefix = "signet.sandbox")
public interface SandboxConfig {

    /**
     * Whether the sandbox exists at all. Read at build time too: when false, no sandbox bean, route, resource
     * or page is part of the build (the production jar contains no sandbox).
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * Path under which the fake X API is served; the v1.1 endpoints live under {@code <xBasePath>/1.1/}, so a
     * Twitter4J client uses {@code http://host:port<xBasePath>/1.1/} as its {@code restBaseURL}.
     */
    @WithDefault("/sandbox/x")
    String xBasePath();

    /**
     * Whether to seed the demo world (two brands, twenty customers, a few hours of mentions and DMs) at start,
     * which happens only when the sandbox has no users yet.
     */
    @WithDefault("false")
    boolean demoWorld();

    /** The consumer key every sandbox API client must present in its OAuth header. */
    @WithDefault("sandbox-consumer-key")
    String consumerKey();

    /**
     * The consumer secret that goes with {@link #consumerKey()}: with the brand's access token secret it is the
     * key of the OAuth 1.0a HMAC-SHA1 signature every v1.1 and v2 request must carry.
     */
    @WithDefault("sandbox-consumer-secret")
    String consumerSecret();

    /**
     * Whether to refuse a request with HTTP 429 and X's error body (code 88) once the caller has spent the
     * 15-minute budget of that endpoint. When false the rate-limit headers are still sent and counted, but
     * nothing is refused.
     */
    @WithDefault("false")
    boolean enforceRateLimits();

    /**
     * Multiplies every endpoint's 15-minute budget (1 = X's real limits). The test suite raises it so that its
     * many polls of the same brand account stay within budget; rate-limit tests set it back to 1.
     */
    @WithDefault("1")
    int rateLimitScale();

    /**
     * The app's bearer token the X Activity API endpoints ({@code /2/activity/*}, {@code /2/webhooks*}) take, as
     * X's take app-only authentication.
     */
    @WithDefault("sandbox-bearer-token")
    String bearerToken();
}
