package dev.signet.care.note;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationRepository;
import dev.signet.notification.MentionService;
import dev.signet.security.AppUser;

/**
 * Writes internal notes on conversations and tells the colleagues they mention (@initials), in one transaction:
 * a note refused stores nothing and tells no one. Notes never touch the outbox, so they are never published.
 */
@ApplicationScoped
public class ConversationNoteService {

    private final ConversationRepository conversations;
    private final ConversationNoteRepository notes;
    private final MentionService mentions;
    private final NoteConfig config;
    private final Clock clock;

    public ConversationNoteService(ConversationRepository conversations, ConversationNoteRepository notes,
            MentionService mentions, NoteConfig config, Clock clock) {
        this.conversations = conversations;
        this.notes = notes;
        this.mentions = mentions;
        this.config = config;
        this.clock = clock;
    }

    /** The latest notes of a conversation (oldest first) and how many it has in all. */
    public record NoteList(java.util.List<NoteView> notes, long total) {
    }

    @Transactional
    public NoteList latest(long conversationId) {
        return new NoteList(notes.latest(conversationId, config.shown()), notes.countIn(conversationId));
    }

    /** The longest note accepted. */
    public int maxLength() {
        return Math.min(config.maxLength(), ConversationNote.MAX_TEXT);
    }

    @Transactional
    public NoteAdded add(long conversationId, String text, AppUser author) {
        if (conversations.findByIdOptional(conversationId).isEmpty()) {
            throw new ConversationNotFoundException(conversationId);
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw NoteRejectedException.empty();
        }
        int max = maxLength();
        if (clean.length() > max) {
            throw NoteRejectedException.tooLong(clean.length(), max);
        }
        ConversationNote note = new ConversationNote(conversationId, author.id(), clean, clock.instant());
        notes.persist(note);
        MentionService.Mentions told = mentions.notifyMentioned(clean, author, "conversation #" + conversationId,
                conversationId, null);
        return new NoteAdded(new NoteView(note.id(), clean, author.initials(), author.displayName(), note.createdAt()),
                told.notified(), told.unmatched());
    }
}
