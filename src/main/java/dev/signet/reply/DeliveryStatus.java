package dev.signet.reply;

/** Where an outgoing message is on its way to the network. */
public enum DeliveryStatus {
    /** Stored, waiting to be published (or to be retried after a passing failure). */
    PENDING,
    /** Being published right now by one publisher. */
    PUBLISHING,
    /** Accepted by the network. */
    SENT,
    /** Refused by the network, or failed too often; the reason is kept. */
    FAILED
}
