package dev.signet.care.csat;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.signet.care.Conversation;
import dev.signet.care.Direction;
import dev.signet.care.Message;
import dev.signet.customer.Customer;
import dev.signet.security.AppUser;

/**
 * CSAT without fatigue: schedules a survey when an agent resolves a conversation, decides it once due
 * ({@link CsatRule}; skips are recorded with their reason), records the customer's answer, and shows a
 * conversation's surveys. The question itself is written and published by {@code reply.CsatAsker} through the
 * outbox, like every outgoing message.
 */
@ApplicationScoped
public class CsatService {

    private final CsatSurveyRepository surveys;
    private final EntityManager em;
    private final CsatConfig config;
    private final Clock clock;

    public CsatService(CsatSurveyRepository surveys, EntityManager em, CsatConfig config, Clock clock) {
        this.surveys = surveys;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@code agent} resolved the conversation (in the caller's transaction, with its row locked): its survey is
     * due after the delay. Resolved again before that, the survey waits for the delay from this resolution.
     */
    public void resolved(Conversation conversation, AppUser agent, Instant now) {
        if (!config.enabled()) {
            return;
        }
        Instant due = now.plus(config.delay());
        Optional<CsatSurvey> scheduled = surveys.scheduledFor(conversation.id());
        if (scheduled.isPresent()) {
            scheduled.get().rescheduled(agent, now, due);
        } else {
            surveys.persist(new CsatSurvey(conversation, agent, now, due, now));
        }
    }

    /** Due surveys, locked for the caller's transaction (other replicas skip them). */
    public List<CsatSurvey> lockDue(Instant now) {
        return surveys.lockDue(now, config.batchSize());
    }

    /**
     * Decides a due survey in the caller's transaction (the survey and its conversation locked): a skip or a
     * postponement is applied here; an ASK is for the caller to carry out ({@link CsatSurvey#asked}). The
     * customer's row (or the identity's, unlinked) is locked first, so two replicas deciding two surveys of the
     * same customer at once can't both pass the frequency cap.
     */
    public CsatRule.Decision decide(CsatSurvey survey, Instant now) {
        if (!config.enabled()) {
            survey.skipped(CsatSkipReason.DISABLED, now);
            return new CsatRule.Decision(CsatRule.Decision.Kind.SKIP, CsatSkipReason.DISABLED, null);
        }
        Conversation conversation = survey.conversation();
        Customer customer = conversation.identity().customer();
        if (customer != null) {
            em.lock(customer, LockModeType.PESSIMISTIC_WRITE);
        } else {
            em.lock(conversation.identity(), LockModeType.PESSIMISTIC_WRITE);
        }
        CsatRule.Facts facts = new CsatRule.Facts(conversation.status(), conversation.resolvedAt(),
                conversation.escalated(), lastHandOff(conversation.id()),
                surveys.lastAsked(conversation.identity().id(), customer == null ? null : customer.id()),
                agentReplied(conversation.id()));
        CsatRule.Decision decision = new CsatRule(CsatRule.Settings.of(config)).decide(facts, now);
        switch (decision.kind()) {
            case SKIP -> survey.skipped(decision.reason(), now);
            case WAIT -> survey.postponed(decision.waitUntil());
            case ASK -> {
                // The caller writes the question, then marks the survey asked.
            }
        }
        return decision;
    }

    /** The question for this conversation's account, with the customer's handle filled in. */
    public String question(Conversation conversation) {
        return config.questionFor(conversation.account().accountKey())
                .replace("{handle}", conversation.identity().handle());
    }

    /** The surveys that customer messages of one intake batch may answer (one query). */
    public CsatAnswers awaitingAnswers(Collection<Long> identityIds, Collection<String> parentExternalIds, Instant now) {
        return new CsatAnswers(surveys.awaitingAnswer(identityIds, parentExternalIds, now.minus(config.answerWindow())),
                config.answerWindow());
    }

    /**
     * Whether an answer reopens the surveyed conversation (and so counts as a repeat contact): a score alone,
     * or a good score (4–5) with a comment, is feedback and changes nothing; words without a score, or a low
     * score (1–3) with words, may be a complaint, so the conversation goes back to the queue. An unreadable
     * rating ("7") does not reopen it either.
     */
    public static boolean reopens(CsatAnswer answer) {
        return switch (answer.kind()) {
            case FREE_TEXT -> true;
            case SCORE -> answer.comment() != null && answer.score() <= 3;
            case NONE, UNREADABLE -> false;
        };
    }

    /** Records the answer (stored by intake as {@code message}, in intake's transaction). */
    public void answerReceived(CsatAnswers batch, CsatSurvey survey, CsatAnswer answer, Message message,
            boolean reopened, Instant sentAt) {
        if (answer.kind() == CsatAnswer.Kind.UNREADABLE) {
            survey.unreadable(message.text());
            return;
        }
        survey.answered(message, answer, reopened, sentAt);
        batch.answered(survey);
    }

    /** A conversation's surveys, newest first. */
    @Transactional
    public List<CsatView> ofConversation(long conversationId) {
        Instant now = clock.instant();
        return surveys.ofConversation(conversationId).stream().map(s -> view(s, now)).toList();
    }

    private CsatView view(CsatSurvey s, Instant now) {
        boolean windowOpen = s.status() == CsatSurvey.Status.ASKED
                && now.isBefore(s.askedAt().plus(config.answerWindow()));
        return new CsatView(s.id(), s.status().name(), s.skipReason() == null ? null : s.skipReason().name(),
                s.skipReason() == null ? null : s.skipReason().label(), s.resolvedAt(), s.dueAt(), s.askedAt(),
                s.resolvedBy() == null ? null : s.resolvedBy().initials(),
                s.message() == null ? null : s.message().id(), s.answeredAt(),
                s.answerMessage() == null ? null : s.answerMessage().id(), s.score(), s.comment(), s.reopened(),
                windowOpen, s.unreadableAnswer(), s.outcome());
    }

    private Optional<Instant> lastHandOff(long conversationId) {
        Object latest = em.createQuery("select max(h.createdAt) from HandOff h where h.conversation.id = :id")
                .setParameter("id", conversationId).getSingleResult();
        return Optional.ofNullable((Instant) latest);
    }

    /** Whether an agent wrote to the customer here, not counting earlier satisfaction questions. */
    private boolean agentReplied(long conversationId) {
        return !em.createQuery("""
                select m.id from Message m where m.conversation.id = :id and m.direction = :out
                and m.authorUser is not null
                and not exists (select 1 from CsatSurvey s where s.message = m)""")
                .setParameter("id", conversationId).setParameter("out", Direction.OUT)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
