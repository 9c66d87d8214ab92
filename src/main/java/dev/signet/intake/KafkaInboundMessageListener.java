package dev.signet.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * database unreachable) are retried with a growing pause, holding the partition, because giving up on a good
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
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final IntakeService intake;
    private final JsonRecords json;
    private final MessagingConfig config;
    private final QuarantineSink quarantine;

    public KafkaInboundMessageListener(IntakeService intake, JsonRecords json, MessagingConfig config,
            QuarantineSink quarantine) {
        this.intake = intake;
        this.json = json;
        this.config = config;
        this.quarantine = quarantine;
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
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                return intake.receive(message);
            } catch (MessageRejectedException e) {
                LOG.warnf("intake refused a message for good: account=%s id=%s reason=%s", message.accountKey(),
                        message.externalId(), e.getMessage());
                quarantine.hold(List.of(intake.quarantined(message, e)));
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.intakeAttempts()) {
                    throw new IntakeGaveUpException(attempt, e);
                }
                LOG.warnf("intake failed, retrying in %s: account=%s id=%s attempt=%d reason=%s", pause,
                        message.accountKey(), message.externalId(), attempt, e.getMessage());
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // Only a shutdown interrupts the worker: the record is then dead-lettered like one that kept failing
            // (kept, with its reason, for a replay), rather than waited for.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry intake", e);
        }
    }

    /** Intake kept failing for a reason other than the message; the record is dead-lettered with this reason. */
    static class IntakeGaveUpException extends RuntimeException {
        IntakeGaveUpException(int attempts, RuntimeException last) {
            super("intake failed " + attempts + " times, last: " + last.getMessage(), last);
        }
    }
}
