package dev.signet.channel.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OAuth 2.0 user context per brand account (docs/features/oauth.md). */
@ConfigMapping(prefix = "signet.channel.oauth2")
public interface OAuth2Config {

    /**
     * The X app's OAuth 2.0 client per brand account, by the account's key in {@code signet.channel.accounts}. An
     * account without an entry has no "Connect account" button.
     */
    Map<String, Client> accounts();

    /** A token is refreshed when it expires within this time (by the scheduled check, or when it is asked for). */
    @WithDefault("10m")
    Duration refreshAhead();

    /** How often grants near their expiry are refreshed, e.g. {@code 60s}; {@code off} turns the schedule off. */
    @WithDefault("60s")
    String refreshEvery();

    /** How long a "Connect account" may take, from the click to X's redirect back to Signet. */
    @WithDefault("10m")
    Duration attemptTimeout();

    /** Connect and read timeout of the calls to X's token and revoke endpoints. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** One X app's OAuth 2.0 client, as registered in X's developer console. */
    interface Client {

        /** The OAuth 2.0 client id (X's developer console, "Keys and tokens"). */
        String clientId();

        /**
         * The client secret of a confidential client (sent as HTTP Basic to the token and revoke endpoints), from the
         * environment or a Kubernetes Secret. Absent for a public client (the client id goes in the body instead).
         */
        Optional<String> clientSecret();

        /** The scopes asked, space-separated; {@code offline.access} is what gives a refresh token. */
        @WithDefault("tweet.read users.read dm.read dm.write offline.access")
        String scopes();

        /**
         * Signet's callback as registered with X, e.g. {@code https://care.example.com/oauth2/x/callback}: X sends the
         * admin back there with the code.
         */
        String redirectUri();

        /** X's authorization page. */
        @WithDefault("https://x.com/i/oauth2/authorize")
        String authorizeUrl();

        /** X's token endpoint (code exchange and refresh). */
        @WithDefault("https://api.x.com/2/oauth2/token")
        String tokenUrl();

        /** X's revoke endpoint. */
        @WithDefault("https://api.x.com/2/oauth2/revoke")
        String revokeUrl();
    }
}
