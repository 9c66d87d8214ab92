package dev.signet.channel.oauth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OAuthAttemptRepository implements PanacheRepositoryBase<OAuthAttempt, String> {

    long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
