package dev.signet.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import dev.signet.care.note.ConversationNoteService;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads the {@link NoteNotice} of the current request back from the redirect's query. Only initials-shaped values are
 * shown, so the link can't be used to put other text on the page.
 */
@RequestScoped
class NoteNotices {

    private static final Pattern INITIALS_LIST = Pattern.compile("[A-Z]{2,4}(,[A-Z]{2,4}){0,19}");

    private final HttpServerRequest request;
    private final ConversationNoteService notes;

    NoteNotices(HttpServerRequest request, ConversationNoteService notes) {
        this.request = request;
        this.notes = notes;
    }

    /** What the notes block says on this request. */
    NoteNotice current() {
        return new NoteNotice("saved".equals(request.getParam("note")), initials("mentioned"), initials("unmatched"),
                notes.maxLength());
    }

    private List<String> initials(String name) {
        String value = request.getParam(name);
        if (value == null || !INITIALS_LIST.matcher(value).matches()) {
            return List.of();
        }
        return Arrays.asList(value.split(","));
    }
}
