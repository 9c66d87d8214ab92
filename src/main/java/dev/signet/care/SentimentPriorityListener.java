package dev.signet.care;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.OptimisticLockException;

import org.eclipse.microprofile.faulttolerance.Retry;

import dev.signet.sentiment.MessageScored;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the latest sentiment on the conversation and its priority current when insight scores a customer's
 * message. Observes the event whether insight fires it synchronously or asynchronously; either way the score is
 * already committed, so the conversation is updated in a transaction of its own.
 */
@ApplicationScoped
public class SentimentPriorityListener {

    private final ConversationRepository conversations;
    private final PriorityRule priority;
    private final Event<QueueChanged> changes;
    private final Clock clock;

    public SentimentPriorityListener(ConversationRepository conversations, PriorityRule priority,
            Event<QueueChanged> changes, Clock clock) {
        this.conversations = conversations;
        this.priority = priority;
        this.changes = changes;
        this.clock = clock;
    }

    void onScored(@Observes MessageScored scored) {
        apply(scored);
    }

    void onScoredAsync(@ObservesAsync MessageScored scored) {
        apply(scored);
    }

    /**
     * In normal load intake updates the same conversation row now and then (a new message): the versioned row then
     * refuses this update, which is simply done again on the fresh row (flushed here, so the conflict shows inside
     * the retried call rather than at commit).
     */
    @Retry(retryOn = OptimisticLockException.class, maxRetries = 5, delay = 20, jitter = 20)
    void apply(MessageScored scored) {
        QuarkusTransaction.requiringNew().run(() -> conversations.findByIdOptional(scored.conversationId())
                .filter(conversation -> conversation.sentimentScored(scored.sentiment(), scored.sentAt()))
                .ifPresent(conversation -> {
                    conversation.prioritize(priority);
                    conversations.flush();
                    changes.fire(QueueChanged.of(QueueChanged.Type.REPRIORITIZED, conversation, clock.instant()));
                }));
    }
}
