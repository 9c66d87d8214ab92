package dev.signet.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;
import dev.signet.messaging.JsonRecords;
import dev.signet.messaging.MessagingConfig;
import dev.signet.messaging.UnreadableRecordException;

/**
 * Which inbound records the Kafka listener dead-letters at once (unreadable, refused for good), which it retries
 * (any other failure) and when it gives up. Dead-lettering itself is the connector's job, tested in KafkaFlowIT.
 */
class KafkaInboundMessageListenerTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final List<QuarantinedItem> held = new ArrayList<>();
    private final InboundMessage message = new InboundMessage("test-air", Network.X, "1901", MessageKind.MENTION,
            new Author("42", "kim", "Kim"), null, "where is my bag?", null, Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aReadableMessageIsStored() throws Exception {
        ScriptedIntake intake = new ScriptedIntake();
        listener(intake, 3).onRecord(mapper.writeValueAsBytes(message));
        assertEquals(List.of(message), intake.received);
    }

    @Test
    void aRecordThatIsNotAnInboundMessageIsThrownBackWithoutTouchingIntake() {
        ScriptedIntake intake = new ScriptedIntake();
        KafkaInboundMessageListener listener = listener(intake, 3);
        UnreadableRecordException garbage = assertThrows(UnreadableRecordException.class,
                () -> listener.onRecord("{\"accountKey\": oops".getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().startsWith("record value is not a valid InboundMessage"), garbage.getMessage());
        assertThrows(UnreadableRecordException.class, () -> listener.onRecord(new byte[0]));
        assertThrows(UnreadableRecordException.class, () -> listener.onRecord(null));
        assertEquals(List.of(), intake.received);
        assertEquals(3, held.size(), "each unreadable record is also kept in the quarantine");
        assertEquals(QuarantineReason.UNREADABLE, held.get(0).reason());
        assertEquals("{\"accountKey\": oops", held.get(0).rawJson());
    }

    @Test
    void aRefusalIsThrownBackAtOnce() throws Exception {
        ScriptedIntake intake = new ScriptedIntake(new MessageRejectedException("unknown channel account test-air"));
        byte[] record = mapper.writeValueAsBytes(message);
        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> listener(intake, 3).onRecord(record));
        assertEquals("unknown channel account test-air", refused.getMessage());
        assertEquals(1, intake.received.size(), "no retry");
        assertEquals(1, held.size(), "the refused record is also kept in the quarantine");
        assertEquals(QuarantineReason.REFUSED_BY_INTAKE, held.get(0).reason());
        assertEquals("1901", held.get(0).externalId());
        assertEquals("unknown channel account test-air", held.get(0).detail());
        assertTrue(held.get(0).rawJson().contains("where is my bag?"), held.get(0).rawJson());
    }

    @Test
    void aPassingFailureIsRetriedUntilTheMessageIsStored() throws Exception {
        ScriptedIntake intake = new ScriptedIntake(new IllegalStateException("connection refused"));
        listener(intake, 3).onRecord(mapper.writeValueAsBytes(message));
        assertEquals(2, intake.received.size());
    }

    @Test
    void aFailureThatPersistsIsThrownBackAfterTheLastAttempt() throws Exception {
        ScriptedIntake intake = new ScriptedIntake(new IllegalStateException("connection refused"),
                new IllegalStateException("connection refused again"));
        byte[] record = mapper.writeValueAsBytes(message);
        KafkaInboundMessageListener.IntakeGaveUpException gaveUp = assertThrows(
                KafkaInboundMessageListener.IntakeGaveUpException.class, () -> listener(intake, 2).onRecord(record));
        assertEquals("intake failed 2 times, last: connection refused again", gaveUp.getMessage());
        assertEquals(2, intake.received.size());
    }

    private KafkaInboundMessageListener listener(IntakeService intake, int attempts) {
        return new KafkaInboundMessageListener(intake, new JsonRecords(mapper), new FixedAttempts(attempts), held::addAll,
                new ImmediateRetry(attempts));
    }

    /**
     * Stands in for {@link FaultTolerantIntakeRetry} without its pauses (its own test shows the real one retries and
     * aborts): up to {@code attempts} tries, none again after a refusal.
     */
    private record ImmediateRetry(int attempts) implements IntakeRetry {
        @Override
        public IntakeResult store(java.util.function.Supplier<IntakeResult> attempt) {
            for (int tried = 1;; tried++) {
                try {
                    return attempt.get();
                } catch (MessageRejectedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (tried >= attempts) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Intake that fails with the given exceptions, one per call, then stores. */
    private class ScriptedIntake extends IntakeService {
        final List<InboundMessage> received = new ArrayList<>();
        private final Deque<RuntimeException> failures;

        ScriptedIntake(RuntimeException... failures) {
            super(null, null, null, null, null, null, null, new NoIgnoreLists(), null, null, null, null, null, mapper);
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public IntakeResult receive(InboundMessage inbound) {
            received.add(inbound);
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return IntakeResult.STORED;
        }
    }

    private static final class NoIgnoreLists implements IntakeConfig {
        @Override
        public java.util.Optional<List<String>> ignoredHandles() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<List<String>> ignoredKeywords() {
            return java.util.Optional.empty();
        }
    }

    private record FixedAttempts(int intakeAttempts) implements MessagingConfig {
        @Override
        public Transport transport() {
            return Transport.KAFKA;
        }

        @Override
        public String inboundTopic() {
            return "inbound";
        }

        @Override
        public String inboundDeadLetterTopic() {
            return "inbound.dead-letter";
        }

        @Override
        public String outboundTopic() {
            return "outbound";
        }

        @Override
        public String outboundDeadLetterTopic() {
            return "outbound.dead-letter";
        }
    }
}
