package dev.signet.channel.push;

import java.time.Duration;
import java.time.Instant;

/**
 * How one brand account's new messages reach Signet, for the channel health page and {@code /api/accounts/push}.
 *
 * @param accountKey            the brand account
 * @param delivery              {@code poll}, {@code stream} or {@code webhook}
 * @param connected             push modes: the stream is open / the webhook is registered and valid (this replica)
 * @param since                 when it last connected or failed
 * @param lastError             why it last failed, or null
 * @param reconnects            stream reconnects since start
 * @param eventsPushed          messages X pushed (each counted once)
 * @param foundByReconciliation messages only reconciliation polling found: gaps X left
 * @param requests              X calls of push and reconciliation (subscriptions, connections, reads)
 * @param reconcileEvery        push modes: how often the account is still polled
 */
public record PushView(String accountKey, String delivery, boolean connected, Instant since, String lastError,
        long reconnects, long eventsPushed, long foundByReconciliation, long requests, Duration reconcileEvery) {

    public boolean pushed() {
        return !"poll".equals(delivery);
    }
}
