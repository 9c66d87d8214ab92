package dev.signet.quarantine;

/**
 * A replay of a quarantined item.
 *
 * @param rawJson the item's JSON corrected by an admin; null or blank to replay it as stored (after a fix in Signet)
 */
public record ReplayRequest(String rawJson) {
}
