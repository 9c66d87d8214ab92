package dev.signet.reply;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.signet.messaging.KeyedMessages;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Sends a stored reply to the outbound topic, keyed by conversation, and waits briefly for the broker's
 * acknowledgement so that the agent's request reports a broker outage in the log. A reply the broker did not
 * take is not lost: its outbox entry stays pending and {@link OutboxSweeper} publishes it.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "kafka")
public class KafkaReplyDispatcher implements ReplyDispatcher {

    private static final Logger LOG = Logger.getLogger(KafkaReplyDispatcher.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);

    private final Emitter<ReplyQueued> outbound;

    public KafkaReplyDispatcher(
            @Channel(Channels.OUTBOUND) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<ReplyQueued> outbound) {
        this.outbound = outbound;
    }

    @Override
    public void dispatch(ReplyQueued reply) {
        CompletableFuture<Void> taken = new CompletableFuture<>();
        outbound.send(KeyedMessages.of(reply, Long.toString(reply.conversationId()), taken));
        try {
            taken.get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("reply not confirmed by the broker (interrupted), the outbox sweeper will publish it: outbox=%d",
                    reply.outboxId());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("reply not taken by the broker, the outbox sweeper will publish it: outbox=%d reason=%s",
                    reply.outboxId(), e.getMessage());
        }
    }
}
