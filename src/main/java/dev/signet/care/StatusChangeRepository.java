package dev.signet.care;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepository<StatusChange> {

    /** A conversation's status moves, oldest first. */
    public List<StatusChange> ofConversation(long conversationId) {
        return list("conversationId = ?1 order by at, id", conversationId);
    }
}
