package dev.signet.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.signet.care.note.ConversationNoteService;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the page says after an internal note was saved by a plain form post (post/redirect/get): the redirect
 * carries {@code note=saved} and who was mentioned or matched nobody, read back here as
 * {@code inject:noteNotice} by the notes blocks of the conversation and customer pages. Only initials-shaped
 * values are shown, so the link can't be used to put other text on the page.
 */
@Named("noteNotice")
@RequestScoped
public class NoteNotice {

    private static final Pattern INITIALS_LIST = Pattern.compile("[A-Z]{2,4}(,[A-Z]{2,4}){0,19}");

    private final HttpServerRequest request;
    private final ConversationNoteService notes;

    public NoteNotice(HttpServerRequest request, ConversationNoteService notes) {
        this.request = request;
        this.notes = notes;
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

    public boolean saved() {
        return "saved".equals(request.getParam("note"));
    }

    public List<String> mentioned() {
        return initials("mentioned");
    }

    public List<String> unmatched() {
        return initials("unmatched");
    }

    /** The longest conversation note accepted (the form's limit). */
    public int maxLength() {
        return notes.maxLength();
    }

    private List<String> initials(String name) {
        String value = request.getParam(name);
        if (value == null || !INITIALS_LIST.matcher(value).matches()) {
            return List.of();
        }
        return Arrays.asList(value.split(","));
    }
}
