package dev.signet.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import dev.signet.care.CareFigures;
import dev.signet.sentiment.MessageScored;
import dev.signet.sentiment.Sentiment;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the sentiment roll-ups as scores arrive: per account and hour the count of each class, per account and
 * day the hashtags and terms of the scored message (with example message ids), and the flag on strongly
 * negative messages. A message scored again moves its count to its new class; its terms are counted once.
 * Runs in its own transaction after the score committed, so a failure here never undoes a score.
 */
@ApplicationScoped
public class SentimentRollup {

    private static final Logger LOG = Logger.getLogger(SentimentRollup.class);

    private final SentimentRollupRepository rollups;
    private final TermExtractor terms = new TermExtractor();
    private final InsightConfig config;
    private final Clock clock;
    private final CareFigures care;

    public SentimentRollup(SentimentRollupRepository rollups, InsightConfig config, Clock clock, CareFigures care) {
        this.care = care;
        this.rollups = rollups;
        this.config = config;
        this.clock = clock;
    }

    /** Called after the transaction that stored the score committed (at once when it was fired outside one). */
    void onScored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageScored scored) {
        try {
            record(scored);
        } catch (RuntimeException e) {
            // The score itself is stored; only this message's share of the roll-ups is missing. Logged with its id
            // so that it can be recounted; the scorer must go on with the next message.
            LOG.errorf(e, "insight roll-up failed: messageId=%d account=%s", scored.messageId(), scored.accountKey());
        }
    }

    /** Counts one score; a second writer inserting the same hour or term first makes the one retry succeed. */
    public void record(MessageScored scored) {
        try {
            QuarkusTransaction.requiringNew().run(() -> count(scored));
        } catch (PersistenceException e) {
            LOG.debugf("roll-up row written concurrently, retrying: messageId=%d", scored.messageId());
            QuarkusTransaction.requiringNew().run(() -> count(scored));
        }
    }

    private void count(MessageScored scored) {
        Instant hour = scored.sentAt().truncatedTo(ChronoUnit.HOURS);
        ScoredMessage previous = rollups.scored(scored.messageId());
        if (previous == null) {
            String text = care.inboundText(scored.messageId()).orElse(null);
            if (text == null) {
                LOG.warnf("scored message not found or not a customer's: messageId=%d", scored.messageId());
                return;
            }
            rollups.persist(new ScoredMessage(scored));
            rollups.countSentiment(scored.accountKey(), hour, scored.sentiment(), 1);
            LocalDate day = LocalDate.ofInstant(scored.sentAt(), ZoneOffset.UTC);
            for (Term term : terms.terms(text)) {
                rollups.countTerm(scored.accountKey(), day, term, scored.messageId());
            }
        } else if (previous.sentiment() != scored.sentiment()) {
            Instant previousHour = previous.sentAt().truncatedTo(ChronoUnit.HOURS);
            rollups.countSentiment(previous.accountKey(), previousHour, previous.sentiment(), -1);
            rollups.countSentiment(previous.accountKey(), previousHour, scored.sentiment(), 1);
            previous.rescored(scored);
        } else {
            previous.rescored(scored);
        }
        if (scored.sentiment() == Sentiment.NEGATIVE && scored.confidence() >= config.flagConfidence()) {
            rollups.flag(scored.accountKey(), scored.messageId(), scored.conversationId(), FlagReason.NEGATIVE, scored.sentAt(), clock.instant());
        } else {
            rollups.unflag(scored.messageId(), FlagReason.NEGATIVE);
        }
    }
}
