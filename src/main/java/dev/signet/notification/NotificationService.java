package dev.signet.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;

/**
 * Tells users things: stores one notification per recipient inside the caller's transaction (so nothing is told
 * about a change that rolled back) and fires {@link NotificationSent} for live views.
 */
@ApplicationScoped
public class NotificationService {

    static final int SHOWN = 50;

    private final NotificationRepository notifications;
    private final AppUserRepository users;
    private final Event<NotificationSent> sent;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, AppUserRepository users,
            Event<NotificationSent> sent, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.sent = sent;
        this.clock = clock;
    }

    /** Tells each of {@code userIds} (duplicates once) about {@code text}; no recipients, nothing stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyUsers(Collection<Long> userIds, NotificationKind kind, String text, Long conversationId) {
        notifyUsers(userIds, kind, text, conversationId, null);
    }

    /** As {@link #notifyUsers(Collection, NotificationKind, String, Long)}, about a customer (page link) as well. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyUsers(Collection<Long> userIds, NotificationKind kind, String text, Long conversationId,
            Long customerId) {
        Set<Long> recipients = new LinkedHashSet<>(userIds);
        if (recipients.isEmpty()) {
            return;
        }
        var now = clock.instant();
        for (Long userId : recipients) {
            notifications.persist(new Notification(userId, kind, text, conversationId, customerId, now));
        }
        sent.fire(new NotificationSent(Set.copyOf(recipients), kind, conversationId));
    }

    /** Tells every user holding {@code role} (e.g. all leads). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyRole(String role, NotificationKind kind, String text, Long conversationId) {
        List<Long> ids = users.list("role", role).stream().map(AppUser::id).toList();
        notifyUsers(ids, kind, text, conversationId);
    }

    @Transactional
    public List<NotificationView> newestFor(AppUser user) {
        return notifications.newestFor(user.id(), SHOWN).stream().map(NotificationView::of).toList();
    }

    @Transactional
    public long unreadCount(AppUser user) {
        return notifications.unreadCount(user.id());
    }

    /** Marks one of the user's own notifications read; another user's is "not found", not "forbidden". */
    @Transactional
    public NotificationView markRead(AppUser user, long id) {
        Notification n = notifications.findByIdOptional(id).filter(x -> x.userId().equals(user.id()))
                .orElseThrow(() -> new NotificationNotFoundException(id));
        n.read(clock.instant());
        return NotificationView.of(n);
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(AppUser user) {
        return notifications.update("readAt = ?1 where userId = ?2 and readAt is null", clock.instant(), user.id());
    }
}
