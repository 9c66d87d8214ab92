package dev.signet.sentiment;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The sentiment of a page of messages: two statements whatever the page size. */
@ApplicationScoped
public class SentimentLookup {

    private final MessageSentimentRepository scores;
    private final SentimentCorrectionRepository corrections;

    public SentimentLookup(MessageSentimentRepository scores, SentimentCorrectionRepository corrections) {
        this.scores = scores;
        this.corrections = corrections;
    }

    /** Views for the messages that have a score or a correction (others are absent). */
    public Map<Long, MessageSentimentView> forMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, MessageSentiment> scored = scores.byMessage(messageIds);
        Map<Long, Sentiment> corrected = new HashMap<>();
        corrections.list("messageId in ?1", messageIds).forEach(c -> corrected.put(c.messageId(), c.sentiment()));
        Map<Long, MessageSentimentView> views = new HashMap<>();
        for (Long id : messageIds) {
            MessageSentiment s = scored.get(id);
            Sentiment c = corrected.get(id);
            if (s != null || c != null) {
                views.put(id, new MessageSentimentView(id, s == null ? null : s.sentiment(),
                        s == null ? 0 : s.confidence(), s == null ? null : s.modelVersion(), c));
            }
        }
        return views;
    }
}
