package dev.signet.insight;

import java.time.Instant;

/**
 * A spike alert as pages, the API and the webhook show it.
 *
 * @param hourStart    the hour (UTC) that first crossed the threshold
 * @param closedAt     when it was back to normal; null while the spike lasts
 * @param observed     the value that opened the alert: messages in the hour, or the negative share (0..1)
 * @param baseline     the usual value for that hour of the week (median of the past weeks)
 * @param zScore       the robust z-score that opened the alert
 * @param peakObserved the highest value seen during the episode
 */
public record SpikeAlertView(long id, String accountKey, SpikeKind kind, String label, Instant hourStart,
        Instant openedAt, Instant closedAt, double observed, double baseline, double zScore, double peakObserved) {

    public boolean open() {
        return closedAt == null;
    }
}
