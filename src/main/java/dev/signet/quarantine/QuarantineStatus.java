package dev.signet.quarantine;

/** Where a quarantined item stands. */
public enum QuarantineStatus {
    /** Not taken yet: listed, counted, replayable. */
    QUARANTINED,
    /** A replay took it: kept for the record, no longer counted. */
    REPLAYED
}
