package dev.signet.sentiment;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.channel.ChannelAccountRepository;
import dev.signet.security.AppUser;

/** Agents' corrections of a message's sentiment, stored per brand account (the retrainer learns from them). */
@ApplicationScoped
public class SentimentCorrections {

    /** The longest imported text kept ({@code sentiment_correction.text}). */
    static final int MAX_TEXT = 4000;

    private final MessageTexts messages;
    private final ChannelAccountRepository accounts;
    private final SentimentCorrectionRepository corrections;
    private final SentimentLookup lookup;
    private final Clock clock;

    public SentimentCorrections(SentimentCorrectionRepository corrections, SentimentLookup lookup, Clock clock,
            MessageTexts messages, ChannelAccountRepository accounts) {
        this.messages = messages;
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
        throw new UnknownSentimentException(label);
    }

    /** Records the agent's label for a customer's message (replacing an earlier correction of it). */
    @Transactional
    public MessageSentimentView correct(long messageId, String label, AppUser agent) {
        Sentiment sentiment = parse(label);
        MessageTexts.Origin origin = messages.origin(messageId).orElseThrow(() -> new MessageNotFoundException(messageId));
        if (!origin.fromCustomer()) {
            throw new NotACustomerMessageException(messageId);
        }
        String accountKey = accounts.findById(origin.accountId()).accountKey();
        corrections.forMessage(messageId).ifPresentOrElse(
                c -> c.relabel(sentiment, agent.id(), clock.instant()),
                () -> corrections.persist(new SentimentCorrection(messageId, accountKey, sentiment, agent.id(), clock.instant())));
        corrections.flush();
        return lookup.forMessages(List.of(messageId)).get(messageId);
    }

    /**
     * Imports labelled texts as the account's corrections (an evaluated file the lead chose to learn from): each text
     * once per account, however often it is imported; texts longer than a stored correction keeps are cut. The next
     * retraining learns from them as from agents' corrections. Returns how many were new.
     */
    @Transactional
    public int importExamples(String accountKey, List<LabelledFile.LabelledText> examples, AppUser importer) {
        java.util.Set<String> known = new java.util.HashSet<>(corrections.importedTexts(accountKey));
        java.time.Instant now = clock.instant();
        int imported = 0;
        for (LabelledFile.LabelledText example : examples) {
            String text = cut(example.text());
            if (known.add(text)) {
                corrections.persist(SentimentCorrection.imported(accountKey, text, example.label(), importer.id(), now));
                imported++;
            }
        }
        return imported;
    }

    /** At most {@link #MAX_TEXT} characters, never splitting a surrogate pair (an emoji). */
    private static String cut(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end);
    }

    /** A message's sentiment (404 if the message does not exist; no score yet gives a view without one). */
    @Transactional
    public MessageSentimentView of(long messageId) {
        if (messages.texts(List.of(messageId)).isEmpty()) {
            throw new MessageNotFoundException(messageId);
        }
        MessageSentimentView view = lookup.forMessages(List.of(messageId)).get(messageId);
        return view != null ? view : new MessageSentimentView(messageId, null, 0, null, null);
    }
}
