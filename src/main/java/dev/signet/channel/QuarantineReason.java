package dev.signet.channel;

/** Why an item was quarantined; counted per reason on the quarantine page. */
public enum QuarantineReason {
    /** No id: it can't be stored idempotently. */
    MISSING_ID,
    /** No author (user id or sender id). */
    MISSING_AUTHOR,
    /** No text. */
    MISSING_TEXT,
    /** A {@code created_at} that is not a date X promises. */
    BAD_DATE,
    /** An item (or DM event) type Signet does not know. */
    UNKNOWN_TYPE,
    /** Not the JSON shape of the item at all. */
    UNREADABLE,
    /** Intake refused it (e.g. an account it doesn't know, a required field missing). */
    REFUSED_BY_INTAKE
}
