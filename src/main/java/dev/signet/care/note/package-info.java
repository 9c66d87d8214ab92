/**
 * Internal notes on a conversation, seen by agents only, with {@code @mentions} of colleagues.
 * <p>
 * Owns {@code ConversationNote} (table {@code conversation_note}) and {@code signet.care.note.*}. Offers
 * {@code ConversationNoteService} (add, list), the {@code NoteView} / {@code NoteAdded} records and the notes API.
 */
package dev.signet.care.note;
