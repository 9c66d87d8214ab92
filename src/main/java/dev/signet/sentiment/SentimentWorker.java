package dev.signet.sentiment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls for unscored inbound messages and announces each committed score as a {@link MessageScored} event
 * (after the score's transaction committed, so observers never see a score that could still roll back).
 */
@ApplicationScoped
public class SentimentWorker {

    private static final Logger LOG = Logger.getLogger(SentimentWorker.class);

    private final SentimentScorer scorer;
    private final SentimentConfig config;
    private final Event<MessageScored> scoredEvents;

    public SentimentWorker(SentimentScorer scorer, SentimentConfig config, Event<MessageScored> scoredEvents) {
        this.scorer = scorer;
        this.config = config;
        this.scoredEvents = scoredEvents;
    }

    @Scheduled(every = "${signet.sentiment.poll-interval:500ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled()) {
            return;
        }
        drain();
    }

    /** Scores batches until nothing is left; returns how many messages were scored. */
    public int drain() {
        int total = 0;
        List<MessageScored> batch;
        do {
            batch = scorer.scoreBatch();
            for (MessageScored scored : batch) {
                scoredEvents.fire(scored);
            }
            total += batch.size();
        } while (batch.size() >= config.batchSize());
        if (total > 0) {
            LOG.debugf("sentiment scored messages=%d", total);
        }
        return total;
    }
}
