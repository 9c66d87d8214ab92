package dev.signet.intake;

/** What intake did with one fetched message. */
public enum IntakeResult {
    /** Stored and threaded. */
    STORED,
    /** Already stored earlier (same network and id): nothing changed. */
    DUPLICATE,
    /** Written by the brand account itself (its own posts and DMs, echoes of our replies). */
    DROPPED_OWN
}
