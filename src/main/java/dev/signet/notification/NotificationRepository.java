package dev.signet.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    /** A user's newest notifications, unread first. */
    public List<Notification> newestFor(long userId, int limit) {
        return getEntityManager().createQuery("""
                select n from Notification n where n.userId = :user
                order by case when n.readAt is null then 0 else 1 end, n.createdAt desc, n.id desc""", Notification.class)
                .setParameter("user", userId).setMaxResults(limit).getResultList();
    }

    public long unreadCount(long userId) {
        return count("userId = ?1 and readAt is null", userId);
    }
}
