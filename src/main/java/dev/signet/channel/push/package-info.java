/**
 * Push from X: the X Activity API (XAA) brings an account's DMs and mentions as they happen, by an outbound activity
 * stream ({@link dev.signet.channel.push.ActivityStreams}) or X's webhook ({@link dev.signet.channel.push.WebhookRoutes},
 * CRC and signature checked over the raw body), per account's {@code delivery} mode. It keeps the account's XAA
 * subscriptions ({@link dev.signet.channel.push.SubscriptionKeeper}), hands pushed messages to the same inbound
 * channel the poller uses ({@link dev.signet.channel.push.PushIntake}), and counts per account what was pushed, what
 * only reconciliation polling found, and the calls it made ({@link dev.signet.channel.push.PushLedger}). It owns the
 * tables {@code push_seen} and {@code push_account}.
 */
package dev.signet.channel.push;
