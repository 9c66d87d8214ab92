package dev.signet.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.signet.channel.Channels;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantineSink;
import dev.signet.channel.QuarantinedItem;
import dev.signet.messaging.JsonRecords;
import dev.signet.messaging.MessagingConfig;
import dev.signet.messaging.UnreadableRecordException;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the inbound Kafka topic (production). Records are processed one at a time, in partition order, so a
 * conversation's messages (one key, one partition) are stored in the order they were fetched. The offset is
 * committed only after the method returned: the record is stored, or known to be stored already (intake is
 * idempotent, so a redelivery after a crash is harmless).
 * <p>
 * A record that can never be stored (not an inbound message, or refused by intake) is thrown back, and the
 * channel's {@code failure-strategy=dead-letter-queue} writes it to the dead-letter topic with the reason in
 * the {@code dead-letter-reason} header; the partition goes on with the next record. Other failures (the
 * database unreachable) are retried with a growing pause (SmallRye Fault Tolerance), holding the partition, because giving up on a good
 * message because of an outage would lose order for nothing; after {@code signet.messaging.intake-attempts}
 * attempts it is dead-lettered too, so a message that fails for an unforeseen reason can't stall the partition.
 * <p>
 * A record refused for good is also kept in the quarantine (the same row the in-process path writes), so that
 * admins see one list whatever the transport and can replay it once fixed.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.messaging.transport", stringValue = "kafka")
public class KafkaInboundMessageListener {

    private static final Logger LOG = Logger.getLogger(KafkaInboundMessageListener.class);

    private final IntakeRetry retry;
    private final IntakeService intake;
    private final JsonRecords json;
    private final MessagingConfig config;
    private final QuarantineSink quarantine;

    public KafkaInboundMessageListener(IntakeService intake, JsonRecords json, MessagingConfig config,
            QuarantineSink quarantine, IntakeRetry retry) {
        this.intake = intake;
        this.json = json;
        this.config = config;
        this.quarantine = quarantine;
        this.retry = retry;
    }

    /** The value comes as bytes, parsed by {@link JsonRecords} (which says why). */
    @Incoming(Channels.INBOUND_TOPIC)
    @Blocking
    public void onRecord(byte[] value) {
        InboundMessage message;
        try {
            message = json.read(value, InboundMessage.class);
        } catch (UnreadableRecordException e) {
            quarantine.hold(List.of(new QuarantinedItem("unknown", QuarantinedItem.INTAKE, null, null,
                    QuarantineReason.UNREADABLE, e.getMessage(), value == null ? "" : new String(value, StandardCharsets.UTF_8))));
            throw e;
        }
        IntakeResult result = storeWithRetries(message);
        LOG.debugf("intake: account=%s id=%s kind=%s result=%s", message.accountKey(), message.externalId(),
                message.kind(), result);
    }

    private IntakeResult storeWithRetries(InboundMessage message) {
        int[] attempts = { 0 };
        try {
            return retry.store(() -> {
                attempts[0]++;
                try {
                    return intake.receive(message);
                } catch (MessageRejectedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warnf("intake failed: account=%s id=%s attempt=%d of %d reason=%s", message.accountKey(),
                            message.externalId(), attempts[0], config.intakeAttempts(), e.getMessage());
                    throw e;
                }
            });
        } catch (MessageRejectedException e) {
            LOG.warnf("intake refused a message for good: account=%s id=%s reason=%s", message.accountKey(),
                    message.externalId(), e.getMessage());
            quarantine.hold(List.of(intake.quarantined(message, e)));
            throw e;
        } catch (RuntimeException e) {
            throw new IntakeGaveUpException(attempts[0], e);
        }
    }

    /** Intake kept failing for a reason other than the message; the record is dead-lettered with this reason. */
    static class IntakeGaveUpException extends RuntimeException {
        IntakeGaveUpException(int attempts, RuntimeException last) {
            super("intake failed " + attempts + " times, last: " + last.getMessage(), last);
        }
    }
}
