package dev.signet.channel.gap;

/** Where a gap in the mentions timeline stands. */
public enum GapState {
    /** Detected; not yet (fully) searched. Retried every poll until searched. */
    OPEN,
    /** Searched to its lower bound: everything X still had is stored. */
    RECOVERED,
    /** Searched as far as X's search reaches, but part of it is older than that: those mentions are lost for good. */
    LOST
}
