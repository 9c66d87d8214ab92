package dev.signet.care.note;

import java.util.List;

/**
 * A stored note and what its mentions did.
 *
 * @param mentioned initials of the colleagues notified (never the author)
 * @param unmatched initials mentioned that belong to no agent or lead: nobody was told
 */
public record NoteAdded(NoteView note, List<String> mentioned, List<String> unmatched) {
}
