package dev.signet.care.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.CareConfig;
import dev.signet.care.Conversation;
import dev.signet.care.QueueChanged;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserRepository;

/**
 * Agents' presence: on shift or away (marked by the agent; away by itself once not seen for
 * {@code signet.care.away-after}; away on logout). Going away withdraws the conversations offered to the agent
 * (continuity), so they go to the queue at once.
 */
@ApplicationScoped
public class PresenceService {

    private final AgentPresenceRepository presences;
    private final AppUserRepository users;
    private final EntityManager em;
    private final CareConfig config;
    private final Event<QueueChanged> changes;
    private final Clock clock;

    public PresenceService(AgentPresenceRepository presences, AppUserRepository users, EntityManager em, CareConfig config,
            Event<QueueChanged> changes, Clock clock) {
        this.presences = presences;
        this.users = users;
        this.em = em;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
    }

    /** The agent marks themselves on shift or away. Only users who answer customers have a shift. */
    @Transactional
    public PresenceView mark(AppUser user, boolean onShift) {
        if (!user.canReply()) {
            throw PresenceRejectedException.noShift();
        }
        Instant now = clock.instant();
        AgentPresence presence = presences.findByIdOptional(user.id()).orElse(null);
        if (presence == null) {
            presence = new AgentPresence(user.id(), now);
            presence.mark(onShift, now);
            presences.persist(presence);
        } else {
            presence.mark(onShift, now);
        }
        if (!onShift) {
            withdrawOffers(user.id(), now);
        }
        return view(presence, now);
    }

    /** The user was seen working (a page opened): keeps "on shift" alive; writes at most every few minutes. */
    @Transactional
    public void seen(AppUser user) {
        if (!user.canReply()) {
            return;
        }
        presences.findByIdOptional(user.id()).ifPresent(p -> p.seen(clock.instant(), config.awayAfter()));
    }

    /** The user logged out: away. */
    @Transactional
    public void loggedOut(String username) {
        Instant now = clock.instant();
        users.findByUsername(username).flatMap(user -> presences.findByIdOptional(user.id())).ifPresent(p -> {
            if (p.mark(false, now)) {
                withdrawOffers(p.userId(), now);
            }
        });
    }

    @Transactional
    public PresenceView of(AppUser user) {
        return presences.findByIdOptional(user.id()).map(p -> view(p, clock.instant())).orElse(PresenceView.NEVER);
    }

    /** Which of these users are on shift now: 1 statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Boolean> onShift(Collection<Long> userIds, Instant now) {
        Map<Long, Boolean> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        presences.list("userId in ?1", userIds)
                .forEach(p -> result.put(p.userId(), p.onShift(config.awayAfter(), now)));
        return result;
    }

    private void withdrawOffers(long userId, Instant now) {
        List<Conversation> offered = em.createQuery("""
                select c from Conversation c join fetch c.account
                where c.previousAgent.id = :user and c.offeredUntil > :now""", Conversation.class)
                .setParameter("user", userId).setParameter("now", now).getResultList();
        for (Conversation c : offered) {
            c.withdrawOffer(now);
            changes.fire(QueueChanged.of(QueueChanged.Type.OFFER_ENDED, c, now));
        }
    }

    private PresenceView view(AgentPresence p, Instant now) {
        return PresenceView.of(p.onShift(config.awayAfter(), now), p.markedOnShift(), p.changedAt(), p.lastSeenAt());
    }
}
