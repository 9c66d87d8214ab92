package dev.signet.web;

import java.util.List;

/**
 * What the notes blocks of the conversation and customer pages say after an internal note was saved by a plain form
 * post (post/redirect/get): the redirect carries {@code note=saved} and who was mentioned or matched nobody (see
 * {@link #query}), read back by {@link NoteNotices}; and the longest note the form accepts.
 */
public record NoteNotice(boolean saved, List<String> mentioned, List<String> unmatched, int maxLength) {

    public NoteNotice {
        mentioned = List.copyOf(mentioned);
        unmatched = List.copyOf(unmatched);
    }

    /** The query string of the redirect after a note was saved (starts with {@code ?}). */
    public static String query(List<String> mentioned, List<String> unmatched) {
        StringBuilder q = new StringBuilder("?note=saved");
        if (!mentioned.isEmpty()) {
            q.append("&mentioned=").append(String.join(",", mentioned));
        }
        if (!unmatched.isEmpty()) {
            q.append("&unmatched=").append(String.join(",", unmatched));
        }
        return q.toString();
    }
}
