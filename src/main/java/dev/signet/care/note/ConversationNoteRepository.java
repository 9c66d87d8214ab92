package dev.signet.care.note;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ConversationNoteRepository implements PanacheRepository<ConversationNote> {

    /** The latest {@code limit} notes of a conversation with their authors, oldest first: one statement. */
    public List<NoteView> latest(long conversationId, int limit) {
        List<NoteView> newestFirst = getEntityManager().createQuery("""
                select new dev.signet.care.note.NoteView(n.id, n.text, u.initials, u.displayName, n.createdAt)
                from ConversationNote n join AppUser u on u.id = n.authorUserId
                where n.conversationId = :id order by n.createdAt desc, n.id desc""", NoteView.class)
                .setParameter("id", conversationId).setMaxResults(limit).getResultList();
        List<NoteView> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public long countIn(long conversationId) {
        return count("conversationId", conversationId);
    }
}
