package dev.signet.insight;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.api.ProblemException;
import dev.signet.care.CareFigures;
import dev.signet.care.Direction;
import dev.signet.channel.ChannelAccountRepository;
import dev.signet.security.AppUser;

/** Agents' corrections of a message's sentiment, stored per brand account (the retrainer learns from them). */
@ApplicationScoped
public class SentimentCorrections {

    private final CareFigures care;
    private final ChannelAccountRepository accounts;
    private final SentimentCorrectionRepository corrections;
    private final SentimentLookup lookup;
    private final Clock clock;

    public SentimentCorrections(SentimentCorrectionRepository corrections, SentimentLookup lookup, Clock clock,
            CareFigures care, ChannelAccountRepository accounts) {
        this.care = care;
        this.accounts = accounts;
        this.corrections = corrections;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Parses a label as agents and clients send it ("negative", "NEGATIVE"); anything else is refused. */
    public static Sentiment parse(String label) {
        if (label != null) {
            for (Sentiment s : Sentiment.values()) {
                if (s.name().equals(label.trim().toUpperCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new ProblemException(400, "unknown-sentiment", "Unknown sentiment",
                "Sentiment must be one of positive, neutral, negative; got " + (label == null ? "nothing" : "'" + label + "'") + ".");
    }

    /** Records the agent's label for a customer's message (replacing an earlier correction of it). */
    @Transactional
    public MessageSentimentView correct(long messageId, String label, AppUser agent) {
        Sentiment sentiment = parse(label);
        CareFigures.MessageOrigin origin = care.origin(messageId).orElseThrow(() -> new ProblemException(404,
                "message-not-found", "Message not found", "There is no message " + messageId + "."));
        if (origin.direction() != Direction.IN) {
            throw new ProblemException(422, "not-a-customer-message", "Not a customer's message",
                    "Only customers' messages have a sentiment; message " + messageId + " was written by an agent.");
        }
        String accountKey = accounts.findById(origin.accountId()).accountKey();
        corrections.forMessage(messageId).ifPresentOrElse(
                c -> c.relabel(sentiment, agent.id(), clock.instant()),
                () -> corrections.persist(new SentimentCorrection(messageId, accountKey, sentiment, agent.id(), clock.instant())));
        corrections.flush();
        return lookup.forMessages(List.of(messageId)).get(messageId);
    }

    /** A message's sentiment (404 if the message does not exist; no score yet gives a view without one). */
    @Transactional
    public MessageSentimentView of(long messageId) {
        if (care.messages(List.of(messageId)).isEmpty()) {
            throw new ProblemException(404, "message-not-found", "Message not found",
                    "There is no message " + messageId + ".");
        }
        MessageSentimentView view = lookup.forMessages(List.of(messageId)).get(messageId);
        return view != null ? view : new MessageSentimentView(messageId, null, 0, null, null);
    }
}
