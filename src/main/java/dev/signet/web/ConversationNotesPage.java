package dev.signet.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.signet.api.TextRules;
import dev.signet.care.note.ConversationNoteService;
import dev.signet.care.note.NoteAdded;
import dev.signet.care.note.NoteRejectedException;
import dev.signet.care.note.NoteView;
import dev.signet.security.CurrentUser;
import dev.signet.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The internal notes block of the conversation page ({@code tags/notes.html}, included there with one line): the
 * notes form posts here. With htmx the block is swapped in place (a refused note comes back with its reason and
 * the draft kept, nothing stored); without it, post/redirect/get back to the conversation.
 */
@Path("/conversations/{id}/notes")
@RolesAllowed({ Role.AGENT, Role.LEAD, Role.ADMIN })
public class ConversationNotesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(long cid, List<NoteView> notes, long total, int max, String draft,
                String error, boolean saved, List<String> mentioned, List<String> unmatched);
    }

    private final ConversationNoteService notes;
    private final CurrentUser currentUser;

    public ConversationNotesPage(ConversationNoteService notes, CurrentUser currentUser) {
        this.notes = notes;
        this.currentUser = currentUser;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response add(@PathParam("id") long id, @FormParam("text") String text,
            @HeaderParam("HX-Request") String htmx) {
        int unclean = text == null ? -1 : TextRules.firstUnclean(text);
        if (unclean >= 0) {
            // A NUL or a lone surrogate can't be stored as text: refused with a readable reason, draft kept.
            String reason = "The note has a character that can't be stored (a NUL or a broken emoji) at position "
                    + (unclean + 1) + "; remove it and add the note again.";
            if (!"true".equals(htmx)) {
                throw NoteRejectedException.unclean(reason);
            }
            return Response.ok(section(id, text.replace("\0", ""), reason, false, List.of(), List.of())).build();
        }
        if (!"true".equals(htmx)) {
            NoteAdded added = notes.add(id, text, currentUser.get());
            return Response.seeOther(URI.create("/conversations/" + id
                    + NoteNotice.query(added.mentioned(), added.unmatched()) + "#notes")).build();
        }
        try {
            NoteAdded added = notes.add(id, text, currentUser.get());
            return Response.ok(section(id, "", null, true, added.mentioned(), added.unmatched())).build();
        } catch (NoteRejectedException e) {
            // htmx swaps only 2xx answers: the block comes back with the reason and the draft, nothing stored.
            return Response.ok(section(id, text == null ? "" : text, e.detail(), false, List.of(), List.of())).build();
        }
    }

    private TemplateInstance section(long id, String draft, String error, boolean saved, List<String> mentioned,
            List<String> unmatched) {
        ConversationNoteService.NoteList list = notes.latest(id);
        return Templates.section(id, list.notes(), list.total(), notes.maxLength(), draft, error, saved, mentioned,
                unmatched);
    }
}
