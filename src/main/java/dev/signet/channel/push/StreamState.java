package dev.signet.channel.push;

import java.time.Instant;

/**
 * How a push account's delivery stands on this replica, for the channel health page.
 *
 * @param connected whether the stream is open now (a webhook account: whether its webhook is registered and valid)
 * @param since     when it last connected or failed
 * @param lastError why it last failed, or null
 * @param reconnects how many times it reconnected since start
 */
public record StreamState(boolean connected, Instant since, String lastError, long reconnects) {
}
