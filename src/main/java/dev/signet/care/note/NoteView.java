package dev.signet.care.note;

import java.time.Instant;

/**
 * An internal note as pages and the API show it.
 *
 * @param authorInitials the author's initials (null for a colleague who signs nothing, e.g. an admin)
 */
public record NoteView(long id, String text, String authorInitials, String authorName, Instant createdAt) {
}
