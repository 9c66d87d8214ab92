package dev.signet.reply;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.signet.messaging.JsonRecords;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the outbound Kafka topic (production) and publishes each reply, one at a time in partition order, so
 * one conversation's replies reach the network in the order agents sent them. Publishing twice is impossible:
 * {@link ReplyPublisher} claims the outbox entry first, so a redelivered event (or one the sweeper handled
 * already) does nothing. A record that isn't a {@link ReplyQueued} goes to the outbound dead-letter topic with the
 * reason; a failure to publish is recorded on the outbox entry by the publisher (retried by the sweeper).
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "kafka")
public class KafkaReplyListener {

    private static final Logger LOG = Logger.getLogger(KafkaReplyListener.class);

    private final ReplyPublisher publisher;
    private final JsonRecords json;

    public KafkaReplyListener(ReplyPublisher publisher, JsonRecords json) {
        this.publisher = publisher;
        this.json = json;
    }

    /** The value comes as bytes, parsed by {@link JsonRecords} (which says why). */
    @Incoming(Channels.OUTBOUND_TOPIC)
    @Blocking
    public void onRecord(byte[] value) {
        ReplyQueued reply = json.read(value, ReplyQueued.class);
        DeliveryStatus status = publisher.publish(reply.outboxId());
        LOG.debugf("outbound: outbox=%d conversation=%d status=%s", reply.outboxId(), reply.conversationId(), status);
    }
}
