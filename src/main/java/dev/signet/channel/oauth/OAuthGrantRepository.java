package dev.signet.channel.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OAuthGrantRepository implements PanacheRepositoryBase<OAuthGrant, String> {

    /** The grant, locked for this transaction: one replica refreshes it at a time. */
    Optional<OAuthGrant> locked(String accountKey) {
        return findByIdOptional(accountKey, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Usable grants whose access token expires before {@code before}. */
    List<String> dueBefore(Instant before) {
        return getEntityManager().createQuery("select g.accountKey from OAuthGrant g where g.status <> :revoked"
                + " and g.sealedRefreshToken is not null and g.expiresAt < :before", String.class)
                .setParameter("revoked", GrantStatus.REVOKED).setParameter("before", before).getResultList();
    }
}
