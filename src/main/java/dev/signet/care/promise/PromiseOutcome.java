package dev.signet.care.promise;

/** How a promised update ended (see {@link UpdatePromise}). */
public enum PromiseOutcome {
    /** Still owed: no update has reached the customer yet. */
    PENDING,
    /** An update reached the customer by the promised time (a reply, a hand-off line or the scheduled update). */
    KEPT,
    /** The promised time passed first: the update came late, or the promise was closed without one. */
    BROKEN,
    /** Closed before it was due without an update (resolved, waiting on the customer, replaced by a new promise). */
    WITHDRAWN
}
