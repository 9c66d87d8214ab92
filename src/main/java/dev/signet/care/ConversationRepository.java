package dev.signet.care;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ConversationRepository implements PanacheRepository<Conversation> {

    /** The customer's open conversation of this kind on this account, the most recent if several. */
    public Optional<Conversation> findOpen(Long accountId, Long identityId, ConversationKind kind) {
        return find("account.id = ?1 and identity.id = ?2 and kind = ?3 and status <> ?4 order by lastMessageAt desc",
                accountId, identityId, kind, ConversationStatus.RESOLVED).firstResultOptional();
    }
}
