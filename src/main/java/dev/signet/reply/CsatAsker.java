package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.signet.care.CareService;
import dev.signet.care.Conversation;
import dev.signet.care.ConversationKind;
import dev.signet.care.Message;
import dev.signet.care.MessageRepository;
import dev.signet.care.csat.CsatRule;
import dev.signet.care.csat.CsatService;
import dev.signet.care.csat.CsatSkipReason;
import dev.signet.care.csat.CsatSurvey;
import dev.signet.channel.ChannelConnectors;
import dev.signet.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Asks the satisfaction questions that are due: every {@code signet.care.csat.check-every} each replica locks a
 * batch of due surveys ({@code for update skip locked}, so replicas never take the same one), lets
 * {@link CsatService} decide each, and writes each question as an outgoing message of the conversation, in the
 * same channel (a public reply under the customer's latest post, or a DM), signed by the agent who resolved it,
 * with its outbox entry in the same transaction — then hands the entries to the publisher, which publishes each
 * exactly once (docs/features/replies.md). The question does not reopen the conversation.
 */
@ApplicationScoped
public class CsatAsker {

    private static final Logger LOG = Logger.getLogger(CsatAsker.class);

    private final CsatService csat;
    private final CareService care;
    private final MessageRepository messages;
    private final OutboxRepository outbox;
    private final ChannelConnectors connectors;
    private final ReplyDispatcher dispatcher;
    private final Clock clock;

    public CsatAsker(CsatService csat, CareService care, MessageRepository messages, OutboxRepository outbox,
            ChannelConnectors connectors, ReplyDispatcher dispatcher, Clock clock) {
        this.csat = csat;
        this.care = care;
        this.messages = messages;
        this.outbox = outbox;
        this.connectors = connectors;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(identity = "csat-ask", every = "${signet.care.csat.check-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        askDue(clock.instant());
    }

    /** Decides every survey due at {@code now}; returns how many questions went out. */
    public int askDue(Instant now) {
        int asked = 0;
        while (true) {
            List<ReplyQueued> questions = new ArrayList<>();
            // Each decided survey leaves SCHEDULED or moves its due time past now: the loop ends.
            int decided = QuarkusTransaction.requiringNew().call(() -> {
                List<CsatSurvey> due = csat.lockDue(now);
                due.forEach(survey -> decide(survey, now).ifPresent(questions::add));
                return due.size();
            });
            // After the commit, as for an agent's reply; what is not published now, the outbox sweeper publishes.
            questions.forEach(dispatcher::dispatch);
            asked += questions.size();
            if (decided == 0) {
                return asked;
            }
        }
    }

    private Optional<ReplyQueued> decide(CsatSurvey survey, Instant now) {
        Conversation conversation = care.lock(survey.conversation().id());
        CsatRule.Decision decision = csat.decide(survey, now);
        if (decision.kind() == CsatRule.Decision.Kind.SKIP) {
            LOG.debugf("csat: survey=%d conversation=%d skipped reason=%s", survey.id(), conversation.id(), decision.reason());
        }
        if (decision.kind() != CsatRule.Decision.Kind.ASK) {
            return Optional.empty();
        }
        AppUser agent = survey.resolvedBy();
        if (agent == null || !agent.canReply()) {
            survey.skipped(CsatSkipReason.CANNOT_SEND, now);
            return Optional.empty();
        }
        String format = connectors.signatureFormat(conversation.account().accountKey());
        String signed = Signature.sign(csat.question(conversation), format, agent.initials());
        if (ReplyLength.measure(signed, conversation.kind()) > ReplyLength.limit(conversation.kind())) {
            survey.skipped(CsatSkipReason.CANNOT_SEND, now);
            return Optional.empty();
        }
        String inReplyTo = null;
        if (conversation.kind() == ConversationKind.PUBLIC) {
            Optional<Message> answered = messages.latestFromCustomer(conversation.id());
            boolean refused = answered.isEmpty() || connectors.publicRepliesNeedMention(conversation.account().accountKey())
                    && !MentionRule.mentions(answered.get().text(), conversation.account().handle());
            if (refused) {
                survey.skipped(CsatSkipReason.CANNOT_SEND, now);
                return Optional.empty();
            }
            inReplyTo = answered.get().externalId();
        }
        Message question = Message.fromAgent(conversation, agent, signed, inReplyTo, now);
        messages.persist(question);
        OutboxEntry entry = new OutboxEntry(question, now);
        outbox.persist(entry);
        survey.asked(question, conversation.identity().customer(), now);
        LOG.debugf("csat: survey=%d conversation=%d asked", survey.id(), conversation.id());
        return Optional.of(new ReplyQueued(entry.id(), conversation.id()));
    }
}
