package dev.signet.sandbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxDirectMessageRepository implements PanacheRepository<SandboxDirectMessage> {

    /** DMs sent or received by a user, newest first, created at or after {@code since}, ids at most {@code maxId}. */
    public List<SandboxDirectMessage> latestOf(long userId, Instant since, long maxId, int limit) {
        return getEntityManager()
                .createQuery("select d from SandboxDirectMessage d where (d.senderId = :me or d.recipientId = :me)"
                        + " and d.createdAt >= :since and d.id <= :max order by d.id desc", SandboxDirectMessage.class)
                .setParameter("me", userId)
                .setParameter("since", since)
                .setParameter("max", maxId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** DMs between two users, either way, newest first, created at or after {@code since}, ids at most {@code maxId}. */
    public List<SandboxDirectMessage> latestBetween(long userId, long otherUserId, Instant since, long maxId, int limit) {
        return getEntityManager()
                .createQuery("select d from SandboxDirectMessage d where ((d.senderId = :me and d.recipientId = :other)"
                        + " or (d.senderId = :other and d.recipientId = :me))"
                        + " and d.createdAt >= :since and d.id <= :max order by d.id desc", SandboxDirectMessage.class)
                .setParameter("me", userId)
                .setParameter("other", otherUserId)
                .setParameter("since", since)
                .setParameter("max", maxId)
                .setMaxResults(limit)
                .getResultList();
    }
}
