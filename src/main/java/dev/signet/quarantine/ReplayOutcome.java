package dev.signet.quarantine;

/**
 * What a replay did.
 *
 * @param taken  whether intake took the item (stored, a duplicate, or dropped as noise); the entry is then REPLAYED
 * @param result intake's result when taken, else null
 * @param error  why it is still quarantined when not taken
 */
public record ReplayOutcome(long id, boolean taken, String result, String error, QuarantineView entry) {
}
