package dev.signet.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.signet.channel.Channels;
import dev.signet.channel.InboundBatch;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes fetched messages in order, a fetch's batch per transaction, in-process (the embedded default and the tests; with Kafka,
 * {@link KafkaInboundMessageListener} takes its place). The message is acknowledged after
 * {@link IntakeService#receiveAll} has committed the whole batch, which is what lets the poller move its cursor safely; a failure
 * is reported back to the poller, which keeps its cursor and fetches the message again next time.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "in-process", enableIfMissing = true)
public class InboundMessageListener {

    private static final Logger LOG = Logger.getLogger(InboundMessageListener.class);

    private final IntakeService intake;

    public InboundMessageListener(IntakeService intake) {
        this.intake = intake;
    }

    @Incoming(Channels.INBOUND)
    @Blocking
    public void onBatch(InboundBatch batch) {
        List<IntakeResult> results = intake.receiveAll(batch.messages());
        LOG.debugf("intake: messages=%d stored=%d", results.size(),
                results.stream().filter(result -> result == IntakeResult.STORED).count());
    }
}
