package dev.signet.care.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.CareConfig;
import dev.signet.care.Conversation;
import dev.signet.care.QueueChanged;
import dev.signet.customer.Customer;
import dev.signet.notification.NotificationKind;
import dev.signet.notification.NotificationService;
import dev.signet.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Continuity routing (issue #7, part 1): when a customer's conversation starts or reopens, finds the agent who
 * handled that customer before (who last had their most recent conversation in hand — across every brand account
 * and channel for a linked customer, the same X identity otherwise) and, if that agent is on shift, offers the
 * conversation to them for {@code signet.care.continuity-window} (their "mine" view lists it, the queue marks
 * it, they are notified). Otherwise the queue only notes who handled the customer before. Expiry is read at read
 * time ({@code offered_until > now}); a small job tells the live queues when offers run out.
 */
@ApplicationScoped
public class ContinuityService {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final EntityManager em;
    private final PresenceService presence;
    private final NotificationService notifications;
    private final ContinuityRule rule;
    private final Event<QueueChanged> changes;
    private final Clock clock;
    /** When the offers this replica made run out, so the job below reads the database only when one is due. */
    private final ConcurrentSkipListSet<Instant> deadlines = new ConcurrentSkipListSet<>();

    public ContinuityService(EntityManager em, PresenceService presence, NotificationService notifications,
            CareConfig config, Event<QueueChanged> changes, Clock clock) {
        this.em = em;
        this.presence = presence;
        this.notifications = notifications;
        this.rule = new ContinuityRule(config.continuityWindow());
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Offers each conversation that just started or reopened to whoever handled its customer before (in the
     * caller's transaction, e.g. intake's batch): 2 statements whatever the number of conversations, plus one
     * notification per offer. Conversations must come with their identity and customer loaded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(Collection<Conversation> arrivals, Instant now) {
        if (arrivals.isEmpty()) {
            return;
        }
        Set<Long> identityIds = new HashSet<>();
        Set<Long> customerIds = new HashSet<>();
        for (Conversation c : arrivals) {
            Customer customer = c.identity().customer();
            if (customer != null) {
                customerIds.add(customer.id());
            } else {
                identityIds.add(c.identity().id());
            }
        }
        // Every handled conversation of these customers; the most recent per customer wins below.
        List<Object[]> rows = em.createQuery("""
                select c.id, i.id, cu.id, c.handledBy.id, c.lastMessageAt from Conversation c
                join c.identity i left join i.customer cu
                where c.handledBy is not null and (i.id in :identities or cu.id in :customers)""", Object[].class)
                .setParameter("identities", identityIds.isEmpty() ? List.of(-1L) : identityIds)
                .setParameter("customers", customerIds.isEmpty() ? List.of(-1L) : customerIds)
                .getResultList();
        Map<Conversation, Long> previousAgent = new HashMap<>();
        for (Conversation c : arrivals) {
            Customer customer = c.identity().customer();
            Object[] latest = null;
            for (Object[] row : rows) {
                boolean same = customer != null ? customer.id().equals(row[2]) : c.identity().id().equals(row[1]);
                if (same && (latest == null || ((Instant) row[4]).isAfter((Instant) latest[4]))) {
                    latest = row;
                }
            }
            if (latest != null) {
                previousAgent.put(c, (Long) latest[3]);
            }
        }
        if (previousAgent.isEmpty()) {
            return;
        }
        Map<Long, AppUser> agents = new HashMap<>();
        em.createQuery("select u from AppUser u where u.id in :ids", AppUser.class)
                .setParameter("ids", new HashSet<>(previousAgent.values())).getResultList()
                .forEach(u -> agents.put(u.id(), u));
        Map<Long, Boolean> onShift = presence.onShift(agents.keySet(), now);
        List<Conversation> offered = new ArrayList<>();
        previousAgent.forEach((c, agentId) -> {
            AppUser agent = agents.get(agentId);
            Optional<Instant> until = rule.offerUntil(Optional.of(new ContinuityRule.Previous(agentId, agent.canReply(),
                    onShift.getOrDefault(agentId, false))), now);
            c.offerTo(agent, until.orElse(null));
            until.ifPresent(u -> {
                offered.add(c);
                deadlines.add(u);
                notifications.notifyUsers(List.of(agentId), NotificationKind.CONTINUITY,
                        "@" + c.identity().handle() + " is back on @" + c.account().handle()
                                + " (you handled them before): offered to you until " + HOUR_MINUTE.format(u) + " UTC.",
                        c.id());
            });
        });
        offered.forEach(c -> changes.fire(QueueChanged.of(QueueChanged.Type.OFFERED, c, now)));
    }

    /**
     * Tells the live queues about offers (made by this replica) that ran out since the last check: their rows turn
     * into normal items without waiting for the fallback poll. No SQL at all until an offer is due; then it reads
     * only the offers that ended in between (an index). Each replica's pages hear of its own changes
     * (docs/features/queue.md).
     */
    @Scheduled(identity = "continuity-offers", every = "20s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void announceExpiredOffers() {
        Instant now = clock.instant();
        Instant first = deadlines.isEmpty() ? null : deadlines.first();
        if (first == null || first.isAfter(now)) {
            return;
        }
        Set<Instant> due = deadlines.headSet(now, true);
        Instant since = due.iterator().next().minusMillis(1);
        due.clear();
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                select c from Conversation c join fetch c.account
                where c.offeredUntil > :since and c.offeredUntil <= :now""", Conversation.class)
                .setParameter("since", since).setParameter("now", now).getResultList()
                .forEach(c -> changes.fire(QueueChanged.of(QueueChanged.Type.OFFER_ENDED, c, now))));
    }
}
