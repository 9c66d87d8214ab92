package dev.signet.channel;

import java.time.Instant;

/** A message the network accepted: its id there and when. */
public record Published(String externalId, Instant sentAt) {
}
