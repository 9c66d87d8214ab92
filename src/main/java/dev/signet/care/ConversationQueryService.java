package dev.signet.care;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;
import org.hibernate.type.StandardBasicTypes;

import dev.signet.care.note.ConversationNoteRepository;
import dev.signet.care.note.NoteConfig;
import dev.signet.care.promise.PromiseView;
import dev.signet.care.queue.QueueFilter;
import dev.signet.care.queue.QueueItem;
import dev.signet.care.queue.QueueResult;
import dev.signet.care.routing.ContinuityView;
import dev.signet.channel.AccountTimeZones;
import dev.signet.customer.Customer;
import dev.signet.customer.SocialIdentity;
import dev.signet.sentiment.MessageSentimentView;
import dev.signet.sentiment.SentimentLookup;

/**
 * Reads conversations for the queue, the conversation page and the API. Every read is a fixed number of
 * SQL statements whatever the page size (joins, not lazy loads), and returns views, never entities.
 */
@ApplicationScoped
public class ConversationQueryService {

    /** Default and maximum number of messages in one page of a thread. */
    public static final int THREAD_PAGE = 100;

    /** The queue counts matching conversations up to this many. */
    public static final int COUNT_CAP = 1000;
    /** Conversations listed as grown out of this one on its page. */
    static final int RELATED_SHOWN = 10;

    private final EntityManager em;
    private final MessageRepository messages;
    private final HandOffRepository handOffs;
    private final PriorityRule priority;
    private final Clock clock;
    private final DeliveryLookup deliveries;
    private final SentimentLookup sentiments;
    private final ConversationNoteRepository notes;
    private final NoteConfig noteConfig;
    private final AccountTimeZones zones;
    private final CareConfig config;

    public ConversationQueryService(EntityManager em, MessageRepository messages, HandOffRepository handOffs,
            PriorityRule priority, Clock clock, DeliveryLookup deliveries, SentimentLookup sentiments,
            ConversationNoteRepository notes, NoteConfig noteConfig, AccountTimeZones zones, CareConfig config) {
        this.zones = zones;
        this.config = config;
        this.em = em;
        this.messages = messages;
        this.handOffs = handOffs;
        this.priority = priority;
        this.clock = clock;
        this.deliveries = deliveries;
        this.sentiments = sentiments;
        this.notes = notes;
        this.noteConfig = noteConfig;
    }

    /**
     * A page of the queue, highest priority first: 2 statements whatever the page size (the rows with their
     * account, customer and holder; a count capped at {@link #COUNT_CAP}). Ordered by the stored order key
     * under the partial index on open conversations (see {@link PriorityRule}).
     */
    @Transactional
    public QueueResult queue(QueueFilter filter) {
        Instant now = clock.instant();
        // The same filter twice: in JPQL for the rows, in SQL for the capped count.
        StringBuilder where = new StringBuilder();
        StringBuilder sqlWhere = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        Map<String, Object> sqlParameters = new HashMap<>();
        if (filter.status() != null) {
            where.append("c.status = :status");
            sqlWhere.append("c.status = :status");
            parameters.put("status", filter.status());
            sqlParameters.put("status", filter.status().name());
        } else {
            // A literal, not a parameter: a prepared statement's generic plan can use the partial index on open
            // conversations (status <> 'RESOLVED') only if the predicate is written out.
            where.append("c.status <> dev.signet.care.ConversationStatus.RESOLVED");
            sqlWhere.append("c.status <> 'RESOLVED'");
        }
        if (filter.accountKey() != null) {
            where.append(" and a.accountKey = :account");
            sqlWhere.append(" and c.account_id = (select a.id from channel_account a where a.account_key = :account)");
            parameters.put("account", filter.accountKey());
            sqlParameters.put("account", filter.accountKey());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            sqlWhere.append(" and c.kind = :kind");
            parameters.put("kind", filter.kind());
            sqlParameters.put("kind", filter.kind().name());
        }
        if (filter.escalated() != null) {
            where.append(" and c.escalated = :escalated");
            sqlWhere.append(" and c.escalated = :escalated");
            parameters.put("escalated", filter.escalated());
            sqlParameters.put("escalated", filter.escalated());
        }
        if (filter.breachingSoon()) {
            Instant soon = now.plus(priority.serviceLevels().breachingSoon());
            where.append(" and c.slaDueAt <= :slaSoon");
            sqlWhere.append(" and c.sla_due_at <= :slaSoon");
            parameters.put("slaSoon", soon);
            sqlParameters.put("slaSoon", soon);
        }
        switch (filter.holder()) {
            case MINE -> {
                // Held by the viewer, or offered to them (continuity) while nobody holds it.
                where.append(" and ((c.heldBy.id = :viewer and c.heldUntil > :now) or (c.previousAgent.id = :viewer"
                        + " and c.offeredUntil > :now and (c.heldBy is null or c.heldUntil <= :now)))");
                sqlWhere.append(" and ((c.held_by_user_id = :viewer and c.held_until > :now) or (c.previous_agent_user_id"
                        + " = :viewer and c.offered_until > :now and (c.held_by_user_id is null or c.held_until <= :now)))");
                parameters.put("viewer", filter.viewerId());
                parameters.put("now", now);
                sqlParameters.put("viewer", filter.viewerId());
                sqlParameters.put("now", now);
            }
            case UNASSIGNED -> {
                where.append(" and (c.heldBy is null or c.heldUntil <= :now)");
                sqlWhere.append(" and (c.held_by_user_id is null or c.held_until <= :now)");
                parameters.put("now", now);
                sqlParameters.put("now", now);
            }
            case ANY -> {
            }
        }
        TypedQuery<Conversation> rows = em.createQuery("""
                select c from Conversation c
                join fetch c.account a
                join fetch c.identity i
                left join fetch i.customer
                left join fetch c.heldBy
                left join fetch c.previousAgent
                where %s
                order by c.queueKey asc nulls last, c.id
                """.formatted(where), Conversation.class);
        parameters.forEach(rows::setParameter);
        // Read-only: the page only reads its rows, so Hibernate keeps no snapshot of the 50 × 5 entities and has
        // nothing to dirty-check when the transaction ends.
        rows.setHint(HibernateHints.HINT_READ_ONLY, true);
        List<Conversation> found = rows.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size() + 1)
                .getResultList();
        List<QueueItem> items = new ArrayList<>(filter.size());
        for (Conversation c : found.subList(0, Math.min(filter.size(), found.size()))) {
            items.add(toQueueItem(c, now));
        }
        // An exact count of 100,000 open conversations costs more than the whole page: count up to a cap.
        // The result's type is declared, so Hibernate does not read the result set's metadata on every call; and
        // it is not flushed first: a native query otherwise dirty-checks every entity of the session (the page's
        // rows), while this read-only method has nothing to flush.
        NativeQuery<Long> count = em.createNativeQuery("select count(*) as n from (select 1 from conversation c where "
                + sqlWhere + " limit " + (COUNT_CAP + 1) + ") t").unwrap(NativeQuery.class)
                .addScalar("n", StandardBasicTypes.LONG);
        count.setQueryFlushMode(QueryFlushMode.NO_FLUSH);
        sqlParameters.forEach(count::setParameter);
        long counted = count.getSingleResult();
        return new QueueResult(items, filter.page(), filter.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
                found.size() > filter.size());
    }

    /** A conversation and one page of its thread; {@code offset} null means the latest page. */
    @Transactional
    public ConversationDetail detail(long id, Integer offset, int limit) {
        Instant now = clock.instant();
        Conversation c = em.createQuery("""
                select c from Conversation c
                join fetch c.account
                join fetch c.identity i
                left join fetch i.customer
                left join fetch c.heldBy
                left join fetch c.previousAgent
                left join fetch c.promise p
                left join fetch p.madeBy
                left join fetch c.related r
                left join fetch r.identity
                where c.id = :id""", Conversation.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new ConversationNotFoundException(id));
        int size = Math.max(1, Math.min(limit, THREAD_PAGE));
        long total = messages.countInConversation(id);
        int from = offset != null ? Math.max(0, offset) : (int) Math.max(0, total - size);
        List<Message> page = messages.thread(id, from, size);
        Map<Long, Delivery> delivery = deliveries.forMessages(
                page.stream().filter(m -> m.direction() == Direction.OUT).map(Message::id).toList());
        Map<Long, MessageSentimentView> sentiment = sentiments.forMessages(page.stream()
                .filter(m -> m.direction() == Direction.IN).map(Message::id).toList());
        List<MessageView> thread = page.stream().map(m -> toView(m, delivery.get(m.id()), sentiment.get(m.id()))).toList();
        PriorityRule.Explained priority = explain(c, now);
        return new ConversationDetail(c.id(), c.account().accountKey(), c.account().handle(), c.kind(), c.status(),
                panel(c.identity()), c.firstMessageAt(), c.waitingSince(), thread, total, from, size, holder(c, now),
                CustomerClock.of(c.firstMessageAt(), c.resolvedAt(), now), priority.score(), reasons(priority),
                c.contactCount(), c.escalated(), c.promisedUpdateAt(),
                handOffs.ofConversation(id).stream().map(HandOffView::of).toList(), ContinuityView.of(c, now),
                notes.latest(id, noteConfig.shown()), notes.countIn(id),
                c.promise() == null ? null : PromiseView.of(c.promise(), now, config.promiseLeadTime()),
                zones.of(c.account().accountKey()).getId(),
                c.related() == null ? null : new RelatedView(c.related().id(), c.related().identity().handle()),
                relatedFrom(id));
    }

    /** Other customers' conversations that grew out of this one (one query, the first few). */
    private List<RelatedView> relatedFrom(long id) {
        return em.createQuery("""
                select new dev.signet.care.RelatedView(c.id, i.handle) from Conversation c join c.identity i
                where c.related.id = :id order by c.id""", RelatedView.class)
                .setParameter("id", id).setMaxResults(RELATED_SHOWN).getResultList();
    }

    private QueueItem toQueueItem(Conversation c, Instant now) {
        SocialIdentity identity = c.identity();
        Customer customer = identity.customer();
        PriorityRule.Explained priority = explain(c, now);
        return new QueueItem(c.id(), c.account().accountKey(), c.account().handle(), c.kind(), c.status(),
                customer != null ? customer.name() : identity.displayName(), identity.handle(),
                customer != null ? customer.loyaltyTier() : null, c.lastPreview(), c.lastDirection(), c.lastMessageAt(),
                c.waitingSince(), priority.score(), reasons(priority), holder(c, now), c.escalated(),
                ContinuityView.of(c, now),
                c.promisedUpdateAt() == null ? null
                        : PromiseView.mark(c.promisedUpdateAt(), zones.of(c.account().accountKey()), now,
                                config.promiseLeadTime()),
                SlaMark.of(c, now, this.priority.serviceLevels().breachingSoon()));
    }

    private PriorityRule.Explained explain(Conversation c, Instant now) {
        if (!c.status().open()) {
            return new PriorityRule.Explained(0, List.of());
        }
        return priority.explain(c.priorityInputs(), now);
    }

    private static List<String> reasons(PriorityRule.Explained priority) {
        return priority.reasons().stream().map(PriorityRule.Reason::toString).toList();
    }

    private static HolderView holder(Conversation c, Instant now) {
        return c.holder(now).map(user -> HolderView.of(user, c.heldUntil())).orElse(null);
    }

    static CustomerPanel panel(SocialIdentity identity) {
        Customer customer = identity.customer();
        String linkRule = identity.linkRule() == null ? null : identity.linkRule().name();
        if (customer == null) {
            return new CustomerPanel(null, identity.displayName(), null, null, null, null, identity.handle(),
                    identity.displayName(), identity.externalUserId(), null);
        }
        return new CustomerPanel(customer.id(), customer.name(), customer.crmId(), customer.loyaltyTier(),
                customer.email(), customer.notes(), identity.handle(), identity.displayName(), identity.externalUserId(),
                linkRule);
    }

    static MessageView toView(Message m, Delivery delivery, MessageSentimentView sentiment) {
        SocialIdentity author = m.authorIdentity();
        return new MessageView(m.id(), m.direction(), m.externalId(), m.text(), m.sentAt(),
                author != null ? author.handle() : null, author != null ? author.displayName() : null,
                m.authorUser() != null ? m.authorUser().initials() : null,
                m.authorUser() != null ? m.authorUser().displayName() : null, m.inReplyToExternalId(), delivery,
                sentiment);
    }
}
