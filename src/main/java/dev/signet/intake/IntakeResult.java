package dev.signet.intake;

/** What intake did with one fetched message. Every DROPPED_* result is counted per account ({@link IntakeDrop}). */
public enum IntakeResult {
    /** Stored and threaded. */
    STORED,
    /** Already stored earlier (same network and id): nothing changed. */
    DUPLICATE,
    /** Written by the brand account itself (its own posts and DMs). */
    DROPPED_OWN,
    /** A repost (retweet) of someone's post. */
    DROPPED_REPOST,
    /** A message Signet published itself, fetched back. */
    DROPPED_ECHO,
    /** Written by a handle on the ignore list. */
    DROPPED_IGNORED_HANDLE,
    /** Contains a keyword on the ignore list. */
    DROPPED_IGNORED_KEYWORD,
    /** Refused (incomplete, or for an account Signet doesn't know): kept alone in the quarantine. */
    QUARANTINED;

    public boolean dropped() {
        return name().startsWith("DROPPED_");
    }
}
