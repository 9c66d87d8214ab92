package dev.signet.care.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class EscalationEventRepository implements PanacheRepository<EscalationEvent> {

    /** A conversation's escalations and de-escalations, oldest first. */
    public List<EscalationEvent> ofConversation(long conversationId) {
        return list("conversationId = ?1 order by at, id", conversationId);
    }
}
