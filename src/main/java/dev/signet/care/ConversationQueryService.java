package dev.signet.care;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.signet.customer.Customer;
import dev.signet.customer.SocialIdentity;
import dev.signet.insight.MessageSentimentView;
import dev.signet.insight.SentimentLookup;

/**
 * Reads conversations for the queue, the conversation page and the API. Every read is a fixed number of
 * SQL statements whatever the page size (joins, not lazy loads), and returns views, never entities.
 */
@ApplicationScoped
public class ConversationQueryService {

    /** Default and maximum number of messages in one page of a thread. */
    public static final int THREAD_PAGE = 100;

    private final EntityManager em;
    private final MessageRepository messages;
    private final SentimentLookup sentiments;

    public ConversationQueryService(EntityManager em, MessageRepository messages, SentimentLookup sentiments) {
        this.em = em;
        this.messages = messages;
        this.sentiments = sentiments;
    }

    @Transactional
    public QueueResult queue(QueueFilter filter) {
        StringBuilder where = new StringBuilder("c.status <> :resolved");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("resolved", ConversationStatus.RESOLVED);
        if (filter.accountKey() != null) {
            where.append(" and a.accountKey = :account");
            parameters.put("account", filter.accountKey());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        // Whoever waits longest on us first; conversations waiting on the customer after them.
        TypedQuery<Conversation> rows = em.createQuery("""
                select c from Conversation c
                join fetch c.account a
                join fetch c.identity i
                left join fetch i.customer
                where %s
                order by case when c.waitingSince is null then 1 else 0 end, c.waitingSince, c.lastMessageAt desc, c.id
                """.formatted(where), Conversation.class);
        TypedQuery<Long> count = em.createQuery(
                "select count(c) from Conversation c join c.account a where " + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QueueItem> items = new ArrayList<>();
        for (Conversation c : rows.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size()).getResultList()) {
            items.add(toQueueItem(c));
        }
        return new QueueResult(items, filter.page(), filter.size(), count.getSingleResult());
    }

    /** A conversation and one page of its thread; {@code offset} null means the latest page. */
    @Transactional
    public ConversationDetail detail(long id, Integer offset, int limit) {
        Conversation c = em.createQuery("""
                select c from Conversation c
                join fetch c.account
                join fetch c.identity i
                left join fetch i.customer
                where c.id = :id""", Conversation.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new ConversationNotFoundException(id));
        int size = Math.max(1, Math.min(limit, THREAD_PAGE));
        long total = messages.countInConversation(id);
        int from = offset != null ? Math.max(0, offset) : (int) Math.max(0, total - size);
        List<Message> page = messages.thread(id, from, size);
        Map<Long, MessageSentimentView> sentiment = sentiments.forMessages(page.stream()
                .filter(m -> m.direction() == Direction.IN).map(Message::id).toList());
        List<MessageView> thread = page.stream().map(m -> toView(m, sentiment.get(m.id()))).toList();
        return new ConversationDetail(c.id(), c.account().accountKey(), c.account().handle(), c.kind(), c.status(),
                panel(c.identity()), c.firstMessageAt(), c.waitingSince(), thread, total, from, size);
    }

    private static QueueItem toQueueItem(Conversation c) {
        SocialIdentity identity = c.identity();
        Customer customer = identity.customer();
        return new QueueItem(c.id(), c.account().accountKey(), c.account().handle(), c.kind(), c.status(),
                customer != null ? customer.name() : identity.displayName(), identity.handle(),
                customer != null ? customer.loyaltyTier() : null, c.lastPreview(), c.lastDirection(), c.lastMessageAt(),
                c.waitingSince());
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

    static MessageView toView(Message m, MessageSentimentView sentiment) {
        SocialIdentity author = m.authorIdentity();
        return new MessageView(m.id(), m.direction(), m.externalId(), m.text(), m.sentAt(),
                author != null ? author.handle() : null, author != null ? author.displayName() : null,
                m.authorUser() != null ? m.authorUser().initials() : null,
                m.authorUser() != null ? m.authorUser().displayName() : null, m.inReplyToExternalId(), sentiment);
    }
}
