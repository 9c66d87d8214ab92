package dev.signet.care.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.CareConfig;
import dev.signet.care.CareService;
import dev.signet.care.ContactRule;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationNotFoundException;
import dev.signet.care.ConversationStatus;
import dev.signet.care.MatterView;
import dev.signet.care.PriorityRule;
import dev.signet.care.QueueChanged;
import dev.signet.notification.NotificationKind;
import dev.signet.notification.NotificationService;
import dev.signet.security.AppUser;
import dev.signet.security.Role;

/**
 * Repeat-contact escalation (issue #7, part 2): counts the contacts of a matter (a conversation, plus those an
 * agent linked to it as the same matter; see {@link ContactRule}) and, when a new contact or a new link takes it
 * over {@code signet.care.escalate-after-contacts}, escalates the matter's open conversations to the leads: the
 * flag (badge, filter, priority points), an audit entry, a notification to every lead, a queue event. Leads
 * de-escalate (audited).
 */
@ApplicationScoped
public class EscalationService {

    private final EntityManager em;
    private final CareService care;
    private final EscalationEventRepository events;
    private final NotificationService notifications;
    private final PriorityRule priority;
    private final EscalationRule rule;
    private final Event<QueueChanged> changes;
    private final Clock clock;

    public EscalationService(EntityManager em, CareService care, EscalationEventRepository events,
            NotificationService notifications, PriorityRule priority, CareConfig config, Event<QueueChanged> changes,
            Clock clock) {
        this.em = em;
        this.care = care;
        this.events = events;
        this.notifications = notifications;
        this.priority = priority;
        this.rule = new EscalationRule(config.escalateAfterContacts());
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The customer came back to these conversations (a new contact each, counted already): escalates those whose
     * matter now has too many contacts. In the caller's transaction (intake's batch): 1 statement for all of them,
     * plus what each escalation writes. Conversations must come with their account and identity loaded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void newContacts(Collection<Conversation> conversations, Instant now) {
        List<Conversation> candidates = conversations.stream().filter(c -> !c.escalated()).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, Integer> contacts = matterContacts(candidates.stream().map(Conversation::matterRoot).toList());
        for (Conversation c : candidates) {
            int matter = contacts.getOrDefault(c.matterRoot(), c.contactCount());
            if (rule.escalates(matter)) {
                escalate(c, matter, EscalationEvent.SYSTEM, rule.reason(matter), now);
            }
        }
    }

    /**
     * An agent says conversation {@code id} is about the same matter as {@code earlierId} (same customer): its
     * contacts add to that matter's, which may escalate it. Linking again to the same matter changes nothing.
     */
    @Transactional
    public MatterView linkSameMatter(long id, Long earlierId, AppUser agent) {
        if (earlierId == null) {
            throw EscalationRejectedException.matterRequired();
        }
        if (earlierId == id) {
            throw EscalationRejectedException.linkedToItself();
        }
        Instant now = clock.instant();
        // Both rows locked, in id order so that two agents linking the same pair never deadlock.
        Conversation first = care.lock(Math.min(id, earlierId));
        Conversation second = care.lock(Math.max(id, earlierId));
        Conversation conversation = first.id() == id ? first : second;
        Conversation earlier = first.id() == id ? second : first;
        if (!sameCustomer(conversation, earlier)) {
            throw EscalationRejectedException.otherCustomer(earlierId);
        }
        long root = earlier.matterRoot();
        if (root == conversation.id() || conversation.matterRoot() == root) {
            // Already one matter (either way round): nothing to change.
            return matter(id);
        }
        // Conversations already linked to this one follow it into the earlier matter.
        em.createQuery("update Conversation c set c.matterId = :root where c.matterId = :old")
                .setParameter("root", root).setParameter("old", conversation.id()).executeUpdate();
        conversation.joinMatter(root);
        em.flush();
        int contacts = matterContacts(List.of(root)).getOrDefault(root, conversation.contactCount());
        if (rule.escalates(contacts)) {
            List<Conversation> open = em.createQuery("""
                    select c from Conversation c join fetch c.account join fetch c.identity
                    where (c.id = :root or c.matterId = :root) and c.status <> :resolved and c.escalated = false""",
                    Conversation.class)
                    .setParameter("root", root).setParameter("resolved", ConversationStatus.RESOLVED).getResultList();
            for (Conversation c : open) {
                escalate(c, contacts, EscalationEvent.SYSTEM, rule.reason(contacts) + "; linked by ^"
                        + Objects.requireNonNullElse(agent.initials(), agent.username()), now);
            }
        }
        changes.fire(QueueChanged.of(QueueChanged.Type.REPRIORITIZED, conversation, now));
        return matter(id);
    }

    /** A lead takes the escalation back, saying why (audited). */
    @Transactional
    public void deescalate(long id, AppUser lead, String reason) {
        if (!Role.LEAD.equals(lead.role()) && !Role.ADMIN.equals(lead.role())) {
            throw EscalationRejectedException.leadsOnly();
        }
        if (reason == null || reason.isBlank()) {
            throw EscalationRejectedException.reasonRequired();
        }
        if (reason.length() > 500) {
            throw EscalationRejectedException.reasonTooLong();
        }
        Instant now = clock.instant();
        Conversation c = care.lock(id);
        if (!c.deescalate()) {
            throw EscalationRejectedException.notEscalated(id);
        }
        events.persist(new EscalationEvent(id, EscalationEvent.Action.DEESCALATED, lead.username(), reason.strip(),
                matterContacts(List.of(c.matterRoot())).getOrDefault(c.matterRoot(), c.contactCount()), now));
        c.prioritize(priority);
        changes.fire(QueueChanged.of(QueueChanged.Type.DEESCALATED, c, now));
    }

    /** The matter of a conversation: its contacts, the conversations linked with it, its escalation history. */
    @Transactional
    public MatterView matter(long id) {
        Conversation c = em.find(Conversation.class, id);
        if (c == null) {
            throw new ConversationNotFoundException(id);
        }
        long root = c.matterRoot();
        List<Long> linked = em.createQuery(
                "select c.id from Conversation c where (c.id = :root or c.matterId = :root) and c.id <> :id order by c.id",
                Long.class).setParameter("root", root).setParameter("id", id).getResultList();
        int contacts = matterContacts(List.of(root)).getOrDefault(root, c.contactCount());
        List<MatterView.Event> history = events.ofConversation(id).stream()
                .map(e -> new MatterView.Event(e.action().name(), e.actor(), e.reason(), e.contacts(), e.at())).toList();
        return new MatterView(id, root, linked, contacts, rule.escalateAfterContacts(), c.escalated(), history);
    }

    private void escalate(Conversation c, int contacts, String actor, String reason, Instant now) {
        if (!c.escalate()) {
            return;
        }
        events.persist(new EscalationEvent(c.id(), EscalationEvent.Action.ESCALATED, actor, reason, contacts, now));
        c.prioritize(priority);
        notifications.notifyRole(Role.LEAD, NotificationKind.ESCALATION, "Escalated: @" + c.identity().handle()
                + " on @" + c.account().handle() + " — " + reason + ".", c.id());
        changes.fire(QueueChanged.of(QueueChanged.Type.ESCALATED, c, now));
    }

    /** Contacts per matter root: the sum over the root and the conversations linked to it (1 statement). */
    private Map<Long, Integer> matterContacts(Collection<Long> roots) {
        Set<Long> ids = new HashSet<>(roots);
        Map<Long, Integer> sums = new HashMap<>();
        em.createQuery("""
                select c.id, c.matterId, c.contactCount from Conversation c
                where c.id in :roots or c.matterId in :roots""", Object[].class)
                .setParameter("roots", ids).getResultList()
                .forEach(row -> sums.merge(row[1] != null ? (Long) row[1] : (Long) row[0], (Integer) row[2], Integer::sum));
        return sums;
    }

    private static boolean sameCustomer(Conversation a, Conversation b) {
        if (a.identity().id().equals(b.identity().id())) {
            return true;
        }
        var ca = a.identity().customer();
        var cb = b.identity().customer();
        return ca != null && cb != null && ca.id().equals(cb.id());
    }
}
