package dev.signet.insight;

/** What spiked. */
public enum SpikeKind {
    /** Many more messages than usual at this hour of the week. */
    VOLUME,
    /** A much larger share of negative messages than usual at this hour of the week. */
    NEGATIVE_SHARE;

    public String label() {
        return this == VOLUME ? "Volume spike" : "Negative-share spike";
    }
}
