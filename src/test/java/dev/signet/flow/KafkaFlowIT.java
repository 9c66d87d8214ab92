package dev.signet.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.Author;
import dev.signet.channel.ChannelPoller;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.messaging.MessagingConfig;
import dev.signet.reply.DeliveryStatus;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxService;
import dev.signet.sandbox.SandboxTweetView;
import dev.signet.testsupport.KafkaTestProfile;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The production wiring against a real Kafka broker (started by .ci/kafka.sh for the integration tests) and
 * the real PostgreSQL: customers post on the sandbox X, the poller fetches the posts and publishes them to the
 * inbound topic keyed by conversation, intake consumes the topic and stores each message exactly once, in the
 * order of its conversation; records that can't be stored end on the dead-letter topic with their reason while
 * the partition goes on. Agents' replies go through the outbound topic to the publisher and reach X once each,
 * in order.
 */
@QuarkusTest
@TestProfile(KafkaTestProfile.class)
@ExtendWith(SandboxExtension.class)
class KafkaFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    SandboxService sandbox;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;
    @Inject
    MessagingConfig messaging;
    @Inject
    ObjectMapper json;

    @Test
    void polledMessagesTravelKeyedByConversationAndAreStoredOnceInOrder() {
        String kim = world.sandboxCustomer(sandbox, "Kim Kafka");
        String lou = world.sandboxCustomer(sandbox, "Lou Later");
        List<String> kimsThread = new ArrayList<>();
        List<String> lous = new ArrayList<>();
        Long previous = null;
        long kimsUserId = 0;
        for (int i = 0; i < 12; i++) {
            SandboxTweetView post = sandbox.postMention(kim, TestWorld.AIR_HANDLE, "bag update " + i, previous);
            kimsUserId = post.authorId();
            kimsThread.add(Long.toString(post.id()));
            previous = post.id();
            if (i % 3 == 0) {
                lous.add(Long.toString(sandbox.postMention(lou, TestWorld.AIR_HANDLE, "seat " + i, null).id()));
            }
        }
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(kim, TestWorld.AIR_HANDLE, "tag number 0042");
        List<String> all = Stream.of(kimsThread, lous, List.of(Long.toString(dm.id()))).flatMap(List::stream).toList();

        assertNull(poller.poll(TestWorld.AIR).error());
        awaitStored(all);
        assertEquals(kimsThread, storedOrderOf(kimsThread), "one conversation is stored in the order it was written");
        assertEquals(1, conversationsOf(kimsThread), "the thread is one conversation");

        // On the topic: every record keyed by its conversation, a conversation on one partition, in order.
        List<InboundMessage> published = new ArrayList<>();
        List<Integer> kimsPartitions = new ArrayList<>();
        String kimsKey = TestWorld.AIR + ":MENTION:" + kimsUserId;
        for (ConsumerRecord<String, byte[]> record : readTopic(messaging.inboundTopic(), ofOurs(all, 1))) {
            if (ours(record, all)) {
                InboundMessage message = parse(record.value());
                assertEquals(message.conversationKey(), record.key(), "records are keyed by conversation");
                published.add(message);
                if (record.key().equals(kimsKey)) {
                    kimsPartitions.add(record.partition());
                }
            }
        }
        assertEquals(kimsThread, published.stream().filter(m -> m.conversationKey().equals(kimsKey))
                .map(InboundMessage::externalId).toList(), "the thread's records are in order on the topic");
        assertEquals(1, kimsPartitions.stream().distinct().count(), "one conversation, one partition");

        // Forget the cursors (as after a crash before they were saved): the same records are published again,
        // and intake stores nothing twice. A later post of the same conversation (same partition, behind the
        // repeats) shows when the repeats have been consumed.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.mentionsSinceId = null, a.dmLastEventId = null where a.accountKey = :key")
                .setParameter("key", TestWorld.AIR).executeUpdate());
        assertNull(poller.poll(TestWorld.AIR).error());
        SandboxTweetView last = sandbox.postMention(kim, TestWorld.AIR_HANDLE, "found it, thanks", previous);
        assertNull(poller.poll(TestWorld.AIR).error());
        awaitStored(List.of(Long.toString(last.id())));
        for (String id : all) {
            assertEquals(1, countStored(List.of(id)), "message " + id + " stored once");
        }
        readTopic(messaging.inboundTopic(), ofOurs(all, 2)); // fails unless the repeats went through the topic
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsStored() throws Exception {
        String customer = world.sandboxCustomer(sandbox, "Pat Poison");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "first, through the poller", null);
        Author author = new Author(Long.toString(mention.authorId()), customer, "Pat Poison");
        InboundMessage good = new InboundMessage(TestWorld.AIR, Network.X, world.nextId(), MessageKind.MENTION, author,
                null, "written straight to the topic", null, Instant.now());
        InboundMessage unknownAccount = new InboundMessage("no-such-account", Network.X, world.nextId(),
                MessageKind.MENTION, author, null, "nobody listens here", null, Instant.now());
        byte[] garbage = "{\"accountKey\":\"test-air\", this is not JSON".getBytes(StandardCharsets.UTF_8);

        // Same key, so one partition: the poison comes first and must not hold back the good record behind it.
        String key = good.conversationKey();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(messaging.inboundTopic(), key, garbage)).get();
            producer.send(new ProducerRecord<>(messaging.inboundTopic(), key, json.writeValueAsBytes(unknownAccount))).get();
            producer.send(new ProducerRecord<>(messaging.inboundTopic(), key, json.writeValueAsBytes(good))).get();
        }
        awaitStored(List.of(good.externalId()));
        assertNull(poller.poll(TestWorld.AIR).error());
        awaitStored(List.of(Long.toString(mention.id())));
        assertEquals(0, countStored(List.of(unknownAccount.externalId())));

        List<ConsumerRecord<String, byte[]>> dead = readTopic(messaging.inboundDeadLetterTopic(), records -> records.size() >= 2);
        assertEquals(2, dead.size(), "two dead letters");
        ConsumerRecord<String, byte[]> unreadable = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("this is not JSON")).findFirst()
                .orElseThrow(() -> new AssertionError("the unreadable record is not on the dead-letter topic"));
        assertArrayEquals(garbage, unreadable.value(), "dead-lettered byte for byte");
        assertEquals(key, unreadable.key());
        assertTrue(header(unreadable, "dead-letter-reason").startsWith("record value is not a valid InboundMessage"),
                header(unreadable, "dead-letter-reason"));
        assertEquals(messaging.inboundTopic(), header(unreadable, "dead-letter-topic"));

        ConsumerRecord<String, byte[]> refused = dead.stream().filter(r -> r != unreadable).findFirst().orElseThrow();
        assertEquals(unknownAccount.externalId(), parse(refused.value()).externalId());
        assertEquals("unknown channel account no-such-account", header(refused, "dead-letter-reason"));
    }

    @Test
    void repliesGoThroughTheOutboundTopicAndArePublishedOnceInOrder() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Olli Outbound");
        SandboxTweetView mention = sandbox.postMention(customer, TestWorld.AIR_HANDLE, "is my flight on time?", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        awaitStored(List.of(Long.toString(mention.id())));
        long conversation = world.conversationOfExternalId(Long.toString(mention.id()));

        List<String> sent = List.of("Checking that for you now.", "It is on time, gate B12.");
        for (String text : sent) {
            given().auth().preemptive().basic(agent.username(), agent.password())
                    .contentType(ContentType.JSON).body(Map.of("text", text))
                    .when().post("/api/conversations/" + conversation + "/replies")
                    .then().statusCode(201)
                    .body("delivery", anyOf(equalTo("PENDING"), equalTo("SENT")));
        }

        List<SandboxTweetView> published = awaitReplies(mention.id(), sent.size());
        assertEquals(sent.stream().map(text -> "@" + customer + " " + text + " ^" + agent.initials()).toList(),
                published.stream().map(SandboxTweetView::text).toList(), "published once each, in order, signed");
        List<ConsumerRecord<String, byte[]>> events = readTopic(messaging.outboundTopic(),
                records -> records.stream().filter(r -> r.key().equals(Long.toString(conversation))).count() >= 2);
        assertEquals(1, events.stream().filter(r -> r.key().equals(Long.toString(conversation)))
                .map(ConsumerRecord::partition).distinct().count(), "one conversation, one partition");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(o) from OutboxEntry o where o.message.conversation.id = :id and o.status <> :sent", Long.class)
                .setParameter("id", conversation).setParameter("sent", DeliveryStatus.SENT).getSingleResult()));
    }

    /** The brand's replies to a post, oldest first, once there are {@code count} of them (and no more). */
    private List<SandboxTweetView> awaitReplies(long statusId, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<SandboxTweetView> replies = sandbox.tweetsBy(TestWorld.AIR_HANDLE).stream()
                    .filter(tweet -> tweet.inReplyToStatusId() != null && tweet.inReplyToStatusId() == statusId)
                    .sorted(Comparator.comparingLong(SandboxTweetView::id))
                    .toList();
            if (replies.size() >= count) {
                sleep(Duration.ofSeconds(1)); // a duplicate would show up now
                return sandbox.tweetsBy(TestWorld.AIR_HANDLE).stream()
                        .filter(tweet -> tweet.inReplyToStatusId() != null && tweet.inReplyToStatusId() == statusId)
                        .sorted(Comparator.comparingLong(SandboxTweetView::id))
                        .toList();
            }
            sleep(Duration.ofMillis(200));
        }
        return fail("fewer than " + count + " replies published after " + PATIENCE);
    }

    private void awaitStored(Collection<String> externalIds) {
        Instant deadline = Instant.now().plus(PATIENCE);
        long stored = 0;
        while (Instant.now().isBefore(deadline)) {
            stored = countStored(externalIds);
            if (stored == externalIds.size()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        fail("only " + stored + " of " + externalIds.size() + " messages stored after " + PATIENCE);
    }

    private long countStored(Collection<String> externalIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.externalId in :ids", Long.class)
                .setParameter("ids", externalIds).getSingleResult());
    }

    private List<String> storedOrderOf(Collection<String> externalIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.externalId from Message m where m.externalId in :ids order by m.id", String.class)
                .setParameter("ids", externalIds).getResultList());
    }

    private long conversationsOf(Collection<String> externalIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(distinct m.conversation.id) from Message m where m.externalId in :ids", Long.class)
                .setParameter("ids", externalIds).getSingleResult());
    }

    /** Done once every one of these messages was read {@code times} times from the inbound topic. */
    private static Predicate<List<ConsumerRecord<String, byte[]>>> ofOurs(Collection<String> externalIds, int times) {
        return records -> records.stream().filter(record -> ours(record, externalIds)).count()
                >= (long) externalIds.size() * times;
    }

    /** Whether a record of the inbound topic carries one of these messages (other tests write there too). */
    private static boolean ours(ConsumerRecord<String, byte[]> record, Collection<String> externalIds) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        return externalIds.stream().anyMatch(id -> value.contains("\"externalId\":\"" + id + "\""));
    }

    private InboundMessage parse(byte[] value) {
        try {
            return json.readValue(value, InboundMessage.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not an inbound message on the topic", e);
        }
    }

    /** Reads a topic from the start with a consumer group of its own until {@code done}; fails if patience ends first. */
    private static List<ConsumerRecord<String, byte[]>> readTopic(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestProfile.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "signet-it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (!done.test(records)) {
                if (Instant.now().isAfter(deadline)) {
                    fail("topic " + topic + ": expected records missing after " + PATIENCE + "; read " + records.size());
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestProfile.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        return new KafkaProducer<>(config);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
