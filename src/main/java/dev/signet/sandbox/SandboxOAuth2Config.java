package dev.signet.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's fake of X's OAuth 2.0 (authorize page, token and revoke endpoints). */
@ConfigMapping(prefix = "signet.sandbox.oauth2")
public interface SandboxOAuth2Config {

    /** The one OAuth 2.0 client id the fake X knows. */
    @WithDefault("sandbox-oauth2-client")
    String clientId();

    /**
     * Its secret, when it is a confidential client: the token and revoke endpoints then want HTTP Basic. Absent: a
     * public client, which sends {@code client_id} in the body.
     */
    Optional<String> clientSecret();

    /** Approve every authorization at once (tests) instead of showing the approve page. */
    @WithDefault("false")
    boolean autoApprove();

    /** How long an access token lives (X: two hours). */
    @WithDefault("2h")
    Duration accessTokenLifetime();

    /** How long an authorization code may wait for its exchange (X: 30 seconds). */
    @WithDefault("30s")
    Duration codeLifetime();
}
