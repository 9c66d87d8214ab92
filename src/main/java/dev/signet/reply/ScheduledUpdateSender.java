package dev.signet.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes the scheduled updates of promises when they fall due (every {@code signet.care.promise-check-interval}):
 * each is stored with its outbox entry ({@link PromisedUpdateWriter}) and handed to the publisher like any reply.
 * Every replica runs it; the conversation's row lock and the promise's state keep it to one update per promise.
 */
@ApplicationScoped
public class ScheduledUpdateSender {

    private final PromisedUpdateWriter writer;
    private final ReplyDispatcher dispatcher;
    private final Clock clock;

    public ScheduledUpdateSender(PromisedUpdateWriter writer, ReplyDispatcher dispatcher, Clock clock) {
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(identity = "scheduled-updates", every = "${signet.care.promise-check-interval:15s}", delayed = "7s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        sendDue(clock.instant());
    }

    /** Stores and dispatches every scheduled update due at {@code now}; returns the outbox entries made. */
    public List<ReplyQueued> sendDue(Instant now) {
        List<ReplyQueued> sent = new ArrayList<>();
        for (long conversationId : writer.due(now)) {
            writer.store(conversationId, now).ifPresent(queued -> {
                sent.add(queued);
                dispatcher.dispatch(queued);
            });
        }
        return sent;
    }
}
