package dev.signet.channel.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Signet takes pushed events from X's Activity API (accounts choose their mode in {@code signet.channel.accounts}). */
@ConfigMapping(prefix = "signet.channel.push")
public interface PushConfig {

    /**
     * The public HTTPS base URL of Signet's webhook as X reaches it, without the account key, e.g.
     * {@code https://care.example.com/webhooks/x/}; Signet registers {@code <base><account key>} with X for each
     * {@code webhook} account. Needed only when an account uses {@code webhook}.
     */
    Optional<String> webhookBaseUrl();

    /** The events each push account subscribes to, filtered by the brand's user id. */
    @WithDefault("dm.received,dm.sent,post.mention.create,post.reply.create")
    List<String> events();

    /** Wait before the first reconnect of a dropped stream; doubled after each failed attempt. */
    @WithDefault("1s")
    Duration reconnectMinBackoff();

    /** The longest wait between two reconnect attempts. */
    @WithDefault("60s")
    Duration reconnectMaxBackoff();

    /** Minutes of backfill asked for when the stream reconnects (X keeps 0 to 5). */
    @WithDefault("5")
    int backfillMinutes();

    /**
     * How far back a webhook account asks X to replay (the last event received, at most this long ago) when Signet
     * starts; X replays up to 24 hours.
     */
    @WithDefault("24h")
    Duration replayWindow();

    /** Connect timeout of the push calls (the stream itself has no read timeout: it stays open). */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * How often a replica with stream accounts takes or renews their poll leases ({@code channel_account}): only the
     * lease holder keeps an account's activity stream open (X allows 2 connections per app), so when the lease moves
     * the old holder closes its stream within this time and the new one opens it with backfill and a reconciliation
     * poll.
     */
    @WithDefault("10s")
    Duration leaseCheckInterval();
}
