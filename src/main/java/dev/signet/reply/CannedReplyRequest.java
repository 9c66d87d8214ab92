package dev.signet.reply;

/**
 * A canned reply as leads and admins write it.
 *
 * @param account the brand account key it is for; null or blank = every account
 * @param kind    {@code public}, {@code dm} or {@code both} (default)
 * @param tags    comma-separated
 */
public record CannedReplyRequest(String title, String body, String account, String kind, String tags) {
}
