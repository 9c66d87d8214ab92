package dev.signet.channel;

/** A quarantined item replayed through a connector's parsing is still not a message Signet can take. */
public class UntakableItemException extends RuntimeException {

    private final QuarantineReason reason;

    public UntakableItemException(QuarantineReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public QuarantineReason reason() {
        return reason;
    }
}
