package dev.signet.messaging;

import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Builds the messages that features send through their emitters: keyed, so that on Kafka all messages with the
 * same key (one conversation) land on one partition and are consumed in order, and tied to a future that
 * completes when the channel has taken the message for good. In-process that is when the consuming method
 * returned (its transaction committed); with Kafka, when the broker acknowledged the record ({@code acks=all}:
 * written to every in-sync replica). The future fails if the consumer or the broker refused it. The Kafka key
 * is plain metadata that the in-process wiring ignores.
 */
public final class KeyedMessages {

    private KeyedMessages() {
    }

    public static <T> Message<T> of(T payload, String key, CompletableFuture<Void> taken) {
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    taken.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    taken.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
