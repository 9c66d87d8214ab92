package dev.signet.care.note;

import dev.signet.api.ProblemException;

/** A note that can't be stored as written (empty, too long); nothing was stored. */
public class NoteRejectedException extends ProblemException {

    private NoteRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static NoteRejectedException empty() {
        return new NoteRejectedException(400, "empty-note", "Empty note", "Write something in the note first.");
    }

    /** A NUL or a lone surrogate at {@code reason}'s position: it can't be stored as text. */
    public static NoteRejectedException unclean(String reason) {
        return new NoteRejectedException(422, "unclean-note", "Note not stored", reason);
    }

    static NoteRejectedException tooLong(int length, int max) {
        return new NoteRejectedException(422, "note-too-long", "Note too long",
                "The note has " + length + " characters; at most " + max + ". Shorten it by " + (length - max) + ".");
    }
}
