package dev.signet.channel;

import java.time.Instant;

/**
 * A message the network accepted: its id there and when. X may answer 2xx with a body that does not say under
 * which id (empty, {@code {}}, not JSON): the message is on the network all the same, so it is never sent again;
 * {@code externalId} is then null and {@code idUnknown} says why, until a look-up finds the id.
 */
public record Published(String externalId, Instant sentAt, String idUnknown) {

    public Published(String externalId, Instant sentAt) {
        this(externalId, sentAt, null);
    }

    /** Accepted (2xx) with an answer that names no usable id, for this reason. */
    public static Published idUnknown(String reason, Instant sentAt) {
        return new Published(null, sentAt, reason);
    }

    public boolean idKnown() {
        return externalId != null;
    }
}
