package dev.signet.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.signet.messaging.KeyedMessages;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * In-process hand-over (embedded default, tests): the messages of a fetch go to intake as batches, each stored
 * in one transaction, acknowledged once committed.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "in-process", enableIfMissing = true)
public class InProcessHandOver implements InboundHandOver {

    /** The largest batch stored in one transaction. */
    static final int BATCH = 500;

    private final Emitter<InboundBatch> inbound;

    public InProcessHandOver(
            @Channel(Channels.INBOUND) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<InboundBatch> inbound) {
        this.inbound = inbound;
    }

    @Override
    public void deliver(List<InboundMessage> messages) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<InboundMessage> batch = List.copyOf(messages.subList(from, Math.min(messages.size(), from + BATCH)));
            CompletableFuture<Void> taken = new CompletableFuture<>();
            inbound.send(KeyedMessages.of(new InboundBatch(batch), batch.get(0).conversationKey(), taken));
            acks.add(taken);
        }
        HandOverFutures.awaitAll(acks);
    }
}
