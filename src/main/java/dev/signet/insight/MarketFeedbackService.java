package dev.signet.insight;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signet.care.CareFigures;
import dev.signet.care.Direction;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.security.AppUser;

/**
 * Agents' market-feedback flags (a product, policy or pricing issue a customer raised, not the rep's fault): one
 * flag per customer's message, stored as a {@link FlaggedMessage} with reason {@link FlagReason#MARKET_FEEDBACK},
 * so that it shows in the brand manager's insights and in the flagged-messages export.
 */
@ApplicationScoped
public class MarketFeedbackService {

    static final int NOTE_MAX = 280;

    private final EntityManager em;
    private final Clock clock;
    private final CareFigures care;
    private final ChannelAccountRepository accounts;

    public MarketFeedbackService(EntityManager em, Clock clock, CareFigures care, ChannelAccountRepository accounts) {
        this.em = em;
        this.clock = clock;
        this.care = care;
        this.accounts = accounts;
    }

    /** Flags a customer's message; flagging it again changes the category and note (one flag per message). */
    @Transactional
    public MarketFeedbackView flag(long messageId, MarketFeedbackRequest request, AppUser agent) {
        FeedbackCategory category = FeedbackCategory.parse(request == null ? null : request.category());
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw MarketFeedbackRejectedException.noteTooLong(NOTE_MAX, note.length());
        }
        CareFigures.MessageOrigin message = customerMessage(messageId);
        FlaggedMessage flag = find(messageId);
        if (flag == null) {
            flag = FlaggedMessage.marketFeedback(accounts.findById(message.accountId()).accountKey(), messageId,
                    message.conversationId(), message.sentAt(), category, note,
                    agent.id(), clock.instant());
            em.persist(flag);
        } else {
            flag.describe(category, note, agent.id());
        }
        em.flush();
        return view(flag);
    }

    /** Removes the message's flag, if any. */
    @Transactional
    public void unflag(long messageId) {
        customerMessage(messageId);
        em.createQuery("delete from FlaggedMessage f where f.messageId = :id and f.reason = :reason")
                .setParameter("id", messageId).setParameter("reason", FlagReason.MARKET_FEEDBACK).executeUpdate();
    }

    /** The message's flag, or null when it has none (404 for an unknown message). */
    @Transactional
    public MarketFeedbackView of(long messageId) {
        customerMessage(messageId);
        FlaggedMessage flag = find(messageId);
        return flag == null ? null : view(flag);
    }

    /** The flags of a conversation's messages, by message id (one query). */
    @Transactional
    public Map<Long, MarketFeedbackView> ofConversation(long conversationId) {
        Map<Long, MarketFeedbackView> flags = new HashMap<>();
        em.createQuery("""
                select f from FlaggedMessage f where f.reason = :reason and f.conversationId = :c""", FlaggedMessage.class)
                .setParameter("reason", FlagReason.MARKET_FEEDBACK).setParameter("c", conversationId)
                .getResultList().forEach(f -> flags.put(f.messageId(), view(f)));
        return flags;
    }

    /** Team counts per category and the newest flagged messages of an account in [from, to) (by the message's time). */
    public MarketFeedbackReport report(String accountKey, Instant from, Instant to) {
        Map<FeedbackCategory, Long> counts = new EnumMap<>(FeedbackCategory.class);
        for (FeedbackCategory c : FeedbackCategory.values()) {
            counts.put(c, 0L);
        }
        em.createQuery("""
                select f.category, count(f) from FlaggedMessage f
                where f.accountKey = :a and f.reason = :reason and f.sentAt >= :from and f.sentAt < :to
                group by f.category""", Object[].class)
                .setParameter("a", accountKey).setParameter("reason", FlagReason.MARKET_FEEDBACK)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(r -> counts.merge(r[0] == null ? FeedbackCategory.OTHER : (FeedbackCategory) r[0],
                        (Long) r[1], Long::sum));
        List<Object[]> rows = em.createQuery("""
                select f.messageId, f.category, f.note, f.sentAt, f.flaggedAt from FlaggedMessage f
                where f.accountKey = :a and f.reason = :reason and f.sentAt >= :from and f.sentAt < :to
                order by f.sentAt desc, f.messageId desc""", Object[].class)
                .setParameter("a", accountKey).setParameter("reason", FlagReason.MARKET_FEEDBACK)
                .setParameter("from", from).setParameter("to", to)
                .setMaxResults(MarketFeedbackReport.ITEMS_SHOWN).getResultList();
        Map<Long, CareFigures.MessageText> texts = care.messages(rows.stream().map(r -> (Long) r[0]).toList());
        List<MarketFeedbackReport.Item> items = rows.stream().filter(r -> texts.containsKey((Long) r[0]))
                .map(r -> new MarketFeedbackReport.Item((Long) r[0], (FeedbackCategory) r[1], (String) r[2],
                        (Instant) r[3], (Instant) r[4], texts.get((Long) r[0]).text()))
                .toList();
        List<MarketFeedbackReport.CategoryCount> byCategory = new ArrayList<>();
        long total = 0;
        for (Map.Entry<FeedbackCategory, Long> e : counts.entrySet()) {
            byCategory.add(new MarketFeedbackReport.CategoryCount(e.getKey(), e.getValue()));
            total += e.getValue();
        }
        return new MarketFeedbackReport(true, total, byCategory, items);
    }

    /** The message's origin (direction, conversation, account, time); 404 if unknown, 422 if an agent wrote it. */
    private CareFigures.MessageOrigin customerMessage(long messageId) {
        CareFigures.MessageOrigin origin = care.origin(messageId)
                .orElseThrow(() -> MarketFeedbackRejectedException.messageNotFound(messageId));
        if (origin.direction() != Direction.IN) {
            throw MarketFeedbackRejectedException.notCustomers(messageId);
        }
        return origin;
    }

    private FlaggedMessage find(long messageId) {
        return em.createQuery("select f from FlaggedMessage f where f.messageId = :id and f.reason = :reason",
                FlaggedMessage.class).setParameter("id", messageId).setParameter("reason", FlagReason.MARKET_FEEDBACK)
                .getResultStream().findFirst().orElse(null);
    }

    private static MarketFeedbackView view(FlaggedMessage flag) {
        return new MarketFeedbackView(flag.messageId(), flag.category(), flag.note(), flag.flaggedAt());
    }
}
