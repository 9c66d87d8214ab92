package dev.signet.channel;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Which brand accounts Signet listens on, and how. */
@ConfigMapping(prefix = "signet.channel")
public interface ChannelConfig {

    /**
     * How often brand accounts are polled for new mentions and DMs, e.g. {@code 10s}; {@code off} disables
     * polling (the tests poll on demand). It is the poller's tick and the default of every account's own
     * {@link Account#pollInterval()}, which may only be as long or longer.
     */
    @WithDefault("30s")
    String pollInterval();

    /**
     * Spread polls over X's rate-limit window: an endpoint is polled at most limit-per-window times per window
     * (mentions every 12 s, DMs every 60 s on X's published limits), whatever the poll interval. Turn off only
     * against a fake X that doesn't enforce limits.
     */
    @WithDefault("true")
    boolean spreadPolls();

    /**
     * Spread DM reads over X's window even when {@link #spreadPolls()} is off: one DM read per window / limit at most
     * (every 60 s on X's 15 per 15 minutes), so that the window is never spent and a new DM waits at most that long,
     * instead of polls spending it in minutes and later DMs waiting for the reset. The account view shows the pace
     * and the next read. Turn off only against a fake X that doesn't enforce limits.
     */
    @WithDefault("true")
    boolean spreadDirectMessagePolls();

    /** Connect and read timeout of every call to the X API. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** The brand accounts, by a short key of your choice (e.g. {@code acme-air}). */
    Map<String, Account> accounts();

    /** One brand account on X. Credentials come from the environment or a Kubernetes Secret in production. */
    interface Account {

        /** The brand's X handle, without the @. */
        String handle();

        /**
         * Base URL of X's v1.1 REST API (used when {@link #apiVersion()} is {@code v1.1}), with a trailing slash: {@code https://api.twitter.com/1.1/}, or the
         * built-in sandbox ({@code http://127.0.0.1:8080/sandbox/x/1.1/}).
         */
        @WithDefault("https://api.twitter.com/1.1/")
        String apiBaseUrl();

        /**
         * Which X API serves this account: {@code v1.1} (Twitter4J; X gives it only to Enterprise access) or
         * {@code v2} (self-serve access; a public reply then needs a post that mentions the brand, else Signet
         * asks the agent to answer by DM).
         */
        @WithDefault("v1.1")
        @WithConverter(XApiVersion.ConfigConverter.class)
        XApiVersion apiVersion();

        /**
         * Base URL of X's API v2, with a trailing slash, used when {@link #apiVersion()} is {@code v2}:
         * {@code https://api.x.com/2/}, or the built-in sandbox ({@code http://127.0.0.1:8080/sandbox/x/2/}).
         */
        @WithDefault("https://api.x.com/2/")
        String apiV2BaseUrl();

        /** OAuth 1.0a consumer (API) key of the X app. */
        String consumerKey();

        /** OAuth 1.0a consumer (API) secret of the X app. */
        String consumerSecret();

        /** OAuth 1.0a access token of the brand account. */
        String accessToken();

        /** OAuth 1.0a access token secret of the brand account. */
        String accessTokenSecret();

        /**
         * How the agent's signature is appended to every outgoing message: {@code {initials}} is replaced by
         * the agent's initials (e.g. MD) and {@code {initials-lower}} by them in lower case (md).
         */
        @WithDefault(" ^{initials}")
        String signatureFormat();

        /**
         * How often this account is polled, when it should be less often than {@code signet.channel.poll-interval}
         * (e.g. a quiet brand on a small API budget: {@code 2m}). Not shorter than that interval, which is the
         * poller's tick.
         */
        Optional<String> pollInterval();

        /**
         * How far back the first poll of this account reads (mentions and DMs), e.g. {@code 7d} or {@code 12h}:
         * what customers wrote before Signet was connected and is still waiting for an answer. X itself serves
         * at most the last 800 mentions and 30 days of DMs. Used only while the account has no cursor yet.
         */
        @WithDefault("7d")
        Duration initialBackfill();

        /**
         * The time zone the brand's care team and customers live in (an IANA name such as {@code Europe/Madrid}):
         * promised update times are entered and shown in it, and stored as instants.
         */
        @WithDefault("UTC")
        ZoneId timeZone();

        /**
         * How new mentions and DMs reach Signet: {@code poll}, {@code stream} (an outbound X Activity API stream) or
         * {@code webhook} (X posts to {@code signet.channel.push.webhook-base-url} + the account key). The push modes
         * need {@link #apiVersion()} {@code v2} and {@link #bearerToken()}; see docs/features/push.md.
         */
        @WithDefault("poll")
        @WithConverter(DeliveryMode.ConfigConverter.class)
        DeliveryMode delivery();

        /**
         * In a push mode, how often the account is still polled to find what X did not push (reconciliation), e.g.
         * {@code 10m}; it is also polled after every reconnect of the stream. Ignored in {@code poll} mode.
         */
        @WithDefault("10m")
        Duration reconcileInterval();

        /**
         * The X app's bearer token (app-only authentication), which the X Activity API's subscriptions, stream and
         * webhook calls take. Needed in the push modes only.
         */
        Optional<String> bearerToken();
    }
}
