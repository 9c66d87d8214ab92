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
 * Kafka hand-over (production): every message is a record keyed by its conversation (one conversation stays on
 * one partition, in order), taken for good once the broker acknowledged it (acks=all).
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "kafka")
public class KafkaHandOver implements InboundHandOver {

    private final Emitter<InboundMessage> inbound;

    public KafkaHandOver(
            @Channel(Channels.INBOUND) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<InboundMessage> inbound) {
        this.inbound = inbound;
    }

    @Override
    public void deliver(List<InboundMessage> messages) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(messages.size());
        for (InboundMessage message : messages) {
            CompletableFuture<Void> taken = new CompletableFuture<>();
            inbound.send(KeyedMessages.of(message, message.conversationKey(), taken));
            acks.add(taken);
        }
        HandOverFutures.awaitAll(acks);
    }
}
