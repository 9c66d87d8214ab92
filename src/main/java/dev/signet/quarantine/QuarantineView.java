package dev.signet.quarantine;

import java.time.Instant;

import dev.signet.channel.MessageKind;
import dev.signet.channel.QuarantineReason;

/** A quarantined item as the API and the admin page show it. */
public record QuarantineView(long id, String accountKey, String source, MessageKind kind, String externalId,
        QuarantineReason reason, String detail, String rawJson, QuarantineStatus status, int occurrences,
        int replayAttempts, String lastReplayError, Instant quarantinedAt, Instant lastSeenAt, Instant replayedAt) {
}
