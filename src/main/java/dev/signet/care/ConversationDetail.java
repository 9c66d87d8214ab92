package dev.signet.care;

import java.time.Instant;
import java.util.List;

import dev.signet.care.note.NoteView;
import dev.signet.care.promise.PromiseView;
import dev.signet.care.routing.ContinuityView;

/**
 * A conversation with a page of its messages (oldest first).
 *
 * @param offset   index of the first message of this page in the whole thread
 * @param holder   who holds it now (an expired claim counts as free), or null
 * @param clock    the customer's clock (first message → resolution, across reopenings)
 * @param score    the priority now, and {@code reasons} why
 * @param handOffs who handed it to whom and why, oldest first
 * @param continuity offered to / handled before by (continuity routing), or null
 * @param notes    the latest internal notes (never published), oldest first; {@code totalNotes} of them in all
 * @param promise  the pending promised update, or null
 * @param timeZone the brand account's time zone, in which promise times are entered and shown
 * @param related  the other customer's conversation this one grew out of (a reply to their post), or null
 * @param relatedFrom other customers' conversations that grew out of this one (the first few)
 */
public record ConversationDetail(long id, String accountKey, String accountHandle, ConversationKind kind,
        ConversationStatus status, CustomerPanel customer, Instant firstMessageAt, Instant waitingSince,
        List<MessageView> messages, long totalMessages, int offset, int limit, HolderView holder, CustomerClock clock,
        int score, List<String> reasons, int contactCount, boolean escalated, Instant promisedUpdateAt,
        List<HandOffView> handOffs, ContinuityView continuity, List<NoteView> notes, long totalNotes,
        PromiseView promise, String timeZone, RelatedView related, List<RelatedView> relatedFrom) {
}
