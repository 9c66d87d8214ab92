package dev.signet.care;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.signet.care.csat.CsatAnswer;
import dev.signet.care.csat.CsatAnswers;
import dev.signet.care.csat.CsatService;
import dev.signet.care.csat.CsatSurvey;
import dev.signet.care.routing.ContinuityService;
import dev.signet.care.routing.EscalationService;
import dev.signet.channel.ChannelAccount;
import dev.signet.customer.SocialIdentity;

/**
 * Care's front door for customers' messages: what a message intake stored means to care. Intake validates,
 * drops noise and duplicates, finds the author and threads each message; for each batch it {@link #open opens}
 * one {@link Arrivals}, tells it where each customer message went, and, once the batch is stored and its new
 * identities linked, calls {@link Arrivals#arrived()} once.
 * <p>
 * The order of care's work is the order of this code: per message, as it is threaded, the contact it is
 * ({@link Conversation#customerWrote}), the reopening in the status history, a survey's answer; then, per batch,
 * continuity, escalation (which adds points), the priorities and one queue event per conversation.
 * <p>
 * Per message rather than all at the end because later messages of the same batch depend on it: a survey answered
 * is not answered twice, a DM answers a survey only while its conversation is still resolved, and a new conversation
 * is inserted with its final state (no UPDATE per later message of the batch).
 */
@ApplicationScoped
public class CustomerMessages {

    private final StatusChangeRepository statusChanges;
    private final CareConfig config;
    private final PriorityRule priority;
    private final CsatService csat;
    private final ContinuityService continuity;
    private final EscalationService escalation;
    private final Event<QueueChanged> changes;

    public CustomerMessages(StatusChangeRepository statusChanges, CareConfig config, PriorityRule priority,
            CsatService csat, ContinuityService continuity, EscalationService escalation, Event<QueueChanged> changes) {
        this.statusChanges = statusChanges;
        this.config = config;
        this.priority = priority;
        this.csat = csat;
        this.continuity = continuity;
        this.escalation = escalation;
        this.changes = changes;
    }

    /** How long after resolution a customer's message still reopens a conversation: intake threads into those. */
    public Duration reopenWindow() {
        return config.reopenWindow();
    }

    /**
     * Opens one batch of customer messages. {@code identityIds} are the known authors of its DMs and replies,
     * {@code ourPostIds} the posts of ours its replies answer: the surveys they may answer are loaded in one query
     * (none when both are empty, as for a batch of fresh mentions).
     */
    public Arrivals open(Collection<Long> identityIds, Collection<String> ourPostIds, Instant now) {
        CsatAnswers surveys = identityIds.isEmpty() && ourPostIds.isEmpty() ? CsatAnswers.none()
                : csat.awaitingAnswers(identityIds, ourPostIds, now);
        return new Arrivals(surveys, now);
    }

    /** A customer's message that answers a satisfaction survey: it belongs to the surveyed conversation. */
    public record SurveyAnswer(CsatSurvey survey, CsatAnswer answer) {

        public Conversation conversation() {
            return survey.conversation();
        }
    }

    /** One batch of customer messages, as care sees them; not shared between threads or batches. */
    public final class Arrivals {

        private final CsatAnswers surveys;
        private final Instant now;
        /** Every conversation a message went to (one queue event each), in the order they were first written to. */
        private final Set<Conversation> touched = new LinkedHashSet<>();
        /** Conversations that started or reopened: continuity offers them to the agent who had the customer. */
        private final Set<Conversation> started = new LinkedHashSet<>();
        /** Conversations the customer came back to (a new contact): escalation counts them. */
        private final Set<Conversation> newContacts = new LinkedHashSet<>();

        private Arrivals(CsatAnswers surveys, Instant now) {
            this.surveys = surveys;
            this.now = now;
        }

        /**
         * The survey this customer message answers, if it answers one (a message that says nothing a survey can
         * read is an ordinary message). Once answered, a survey is not answered again by a later message.
         */
        public Optional<SurveyAnswer> surveyAnswer(long accountId, long authorIdentityId, ConversationKind kind,
                String inReplyToExternalId, Instant sentAt, String text) {
            return surveys.answeredBy(accountId, authorIdentityId, kind, inReplyToExternalId, sentAt)
                    .map(survey -> new SurveyAnswer(survey, CsatAnswer.parse(text)))
                    .filter(answered -> answered.answer().kind() != CsatAnswer.Kind.NONE);
        }

        /** The customer's message starts a new conversation (not stored yet: intake persists it with the batch). */
        public Conversation started(ChannelAccount account, SocialIdentity author, ConversationKind kind, String text,
                Instant sentAt) {
            Conversation conversation = new Conversation(account, author, kind, sentAt, now);
            conversation.customerWrote(text, sentAt, config.contactGap());
            conversation.prioritize(priority);
            counted(conversation, Contact.FIRST);
            return conversation;
        }

        /** The customer wrote in this existing conversation (threaded there by intake). */
        public void wrote(Conversation conversation, String text, Instant sentAt) {
            ConversationStatus before = conversation.status();
            Contact contact = conversation.customerWrote(text, sentAt, config.contactGap());
            if (before == ConversationStatus.RESOLVED) {
                // The reopening shows in the status history (on the customer's timeline).
                statusChanges.persist(new StatusChange(conversation.id(), before, conversation.status(), null, now));
            }
            counted(conversation, contact);
        }

        /**
         * The customer's message {@code message} (stored by intake in the surveyed conversation) answers a survey.
         * Only an answer that may need us (see {@link CsatService#reopens}) reopens the conversation and counts as a
         * contact — a plain score does not.
         *
         * @return whether it reopened the conversation (it is the author's open conversation again)
         */
        public boolean answered(SurveyAnswer answered, Message message, Instant sentAt) {
            boolean reopen = CsatService.reopens(answered.answer());
            if (reopen) {
                wrote(answered.conversation(), message.text(), sentAt);
            }
            csat.answerReceived(surveys, answered.survey(), answered.answer(), message, reopen, sentAt);
            return reopen;
        }

        /**
         * The batch is stored and its new identities linked (continuity follows the customer across accounts): offers
         * started and reopened conversations to the agent who had the customer, escalates the matters customers came
         * back to, then orders each conversation (an escalation adds points) and announces it once to the live queues
         * (after the batch commits). A fixed number of statements per batch.
         */
        public void arrived() {
            continuity.arrived(started, now);
            escalation.newContacts(newContacts, now);
            for (Conversation conversation : touched) {
                conversation.prioritize(priority);
                changes.fire(QueueChanged.of(QueueChanged.Type.MESSAGE_RECEIVED, conversation, now));
            }
        }

        private void counted(Conversation conversation, Contact contact) {
            touched.add(conversation);
            if (contact == Contact.FIRST || contact == Contact.REOPENED) {
                started.add(conversation);
            }
            if (contact.counts()) {
                newContacts.add(conversation);
            }
        }
    }
}
