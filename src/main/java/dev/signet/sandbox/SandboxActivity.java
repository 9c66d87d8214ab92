package dev.signet.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * The fake X Activity API's state and delivery: subscriptions ({@code /2/activity/subscriptions}), webhooks
 * ({@code /2/webhooks}, CRC-checked when created or updated), open activity streams, and what was delivered in the
 * last 24 hours (for stream backfill and webhook replay). Each committed {@link SandboxActivityEvent} goes to every
 * subscription whose event type and {@code user_id} filter match: a line on every open stream, or a signed POST to the
 * subscription's webhook ({@code x-twitter-webhooks-signature}: {@code sha256=} + base64 HMAC-SHA256 of the body
 * with the consumer secret). {@link SandboxPushFaults} make it drop, duplicate, reorder, cut and sign wrongly.
 * State lives in this bean: it is the fake X's memory, and is lost at restart as X's would not be.
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxActivity {

    private static final Logger LOG = Logger.getLogger(SandboxActivity.class);
    static final Duration KEPT = Duration.ofHours(24);
    private static final int KEPT_MAX = 50_000;
    static final Duration OUT_OF_ORDER_HOLD = Duration.ofMillis(200);

    /** A subscription as created. */
    record Subscription(String id, String eventType, String userId, String tag, String webhookId, Instant createdAt) {
    }

    /** A webhook as registered. */
    record Webhook(String id, String url, boolean valid, Instant createdAt) {
    }

    /** An envelope delivered to a subscription, kept for backfill and replay. */
    private record Delivered(Instant at, String webhookId, String body) {
    }

    private final SandboxConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final HttpClient http;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final Deque<Delivered> kept = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
    private final AtomicLong streamWrites = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private SandboxPushFaults faults = SandboxPushFaults.NONE;
    private Random random = new Random(1);
    private int cutsDone;
    private int badSignaturesLeft;
    private int crcFailuresLeft;
    private Delivered held;

    public SandboxActivity(SandboxConfig config, ObjectMapper json, Vertx vertx, ManagedExecutor executor) {
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    // --- faults ------------------------------------------------------------------------------------------------

    public synchronized void arm(SandboxPushFaults armed) {
        faults = armed;
        random = new Random(armed.seed());
        cutsDone = 0;
        badSignaturesLeft = armed.badSignatures();
        crcFailuresLeft = armed.crcFailures();
    }

    public synchronized SandboxPushFaults faults() {
        return faults;
    }

    /** Events delivered (each delivery, duplicates included) and dropped by the fault, since start. */
    public Map<String, Long> counts() {
        return Map.of("delivered", delivered.get(), "dropped", dropped.get(), "streams", (long) streams.size());
    }

    /** Cuts every open stream now (as X's side of an outage does). */
    public int cutStreams() {
        List<HttpServerResponse> open = List.copyOf(streams);
        streams.clear();
        open.forEach(response -> response.reset());
        return open.size();
    }

    // --- subscriptions and webhooks ---------------------------------------------------------------------------

    List<Subscription> subscriptions() {
        return subscriptions.values().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    Subscription subscribe(String eventType, String userId, String tag, String webhookId) {
        if (webhookId != null && !webhooks.containsKey(webhookId)) {
            throw XApiException.invalidParameter("The webhook_id " + webhookId + " names no webhook.");
        }
        Subscription created = new Subscription(Long.toString(ids.incrementAndGet()), eventType, userId, tag, webhookId,
                Instant.now());
        subscriptions.put(created.id(), created);
        return created;
    }

    boolean unsubscribe(String id) {
        return subscriptions.remove(id) != null;
    }

    List<Webhook> webhooks() {
        return List.copyOf(webhooks.values());
    }

    /** Registers a webhook after a CRC check of its URL (X refuses one that fails it). */
    Webhook createWebhook(String url) {
        if (!crcPasses(url)) {
            throw XApiException.invalidParameter("The webhook did not pass the CRC check.");
        }
        Webhook created = new Webhook(Long.toString(ids.incrementAndGet()), url, true, Instant.now());
        webhooks.put(created.id(), created);
        return created;
    }

    /** {@code PUT /2/webhooks/{id}}: checks the CRC again and marks the webhook valid or not. */
    Optional<Webhook> recheck(String id) {
        Webhook webhook = webhooks.get(id);
        if (webhook == null) {
            return Optional.empty();
        }
        Webhook checked = new Webhook(id, webhook.url(), crcPasses(webhook.url()), webhook.createdAt());
        webhooks.put(id, checked);
        return Optional.of(checked);
    }

    boolean deleteWebhook(String id) {
        subscriptions.values().removeIf(s -> id.equals(s.webhookId()));
        return webhooks.remove(id) != null;
    }

    /** X's CRC: {@code GET url?crc_token=T} must answer {@code {"response_token":"sha256=" + HMAC(T)}}. */
    private boolean crcPasses(String url) {
        synchronized (this) {
            if (crcFailuresLeft > 0) {
                crcFailuresLeft--;
                return false;
            }
        }
        String token = UUID.randomUUID().toString();
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?")
                    + "crc_token=" + token)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return false;
            }
            JsonNode body = json.readTree(answer.body());
            String expected = sign(token.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    body.path("response_token").asText("").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.debugf("sandbox CRC check failed: %s", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- streams -----------------------------------------------------------------------------------------------

    /** An opened stream: what was delivered to streams in the last {@code backfillMinutes}, then every new event. */
    void openStream(HttpServerResponse response, int backfillMinutes) {
        Instant from = Instant.now().minus(Duration.ofMinutes(backfillMinutes));
        List<String> backfill = new ArrayList<>();
        synchronized (this) {
            kept.stream().filter(d -> d.webhookId() == null && !d.at().isBefore(from)).forEach(d -> backfill.add(d.body()));
        }
        backfill.forEach(body -> response.write(body + "\n"));
        streams.add(response);
        response.closeHandler(closed -> streams.remove(response));
        response.exceptionHandler(failure -> streams.remove(response));
    }

    /** {@code POST /2/webhooks/replay}: re-sends what the webhook was sent between the two moments. */
    int replay(String webhookId, Instant from, Instant to) {
        Webhook webhook = webhooks.get(webhookId);
        if (webhook == null) {
            throw XApiException.resourceNotFound("No webhook " + webhookId);
        }
        List<String> bodies = new ArrayList<>();
        synchronized (this) {
            kept.stream().filter(d -> webhookId.equals(d.webhookId()) && !d.at().isBefore(from) && !d.at().isAfter(to))
                    .forEach(d -> bodies.add(d.body()));
        }
        bodies.forEach(body -> post(webhook, body));
        return bodies.size();
    }

    // --- delivery ----------------------------------------------------------------------------------------------

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SandboxActivityEvent event) {
        for (SandboxActivityEvent.Target target : event.targets()) {
            String userId = Long.toString(target.userId());
            for (Subscription subscription : subscriptions.values()) {
                if (subscription.eventType().equals(target.eventType()) && subscription.userId().equals(userId)) {
                    deliver(new Delivered(Instant.now(), subscription.webhookId(),
                            envelope(event, subscription).toString()));
                }
            }
        }
    }

    private void deliver(Delivered delivery) {
        Delivered release = null;
        boolean duplicate;
        synchronized (this) {
            if (random.nextDouble() < faults.dropRate()) {
                dropped.incrementAndGet();
                return;
            }
            kept.addLast(delivery);
            Instant horizon = Instant.now().minus(KEPT);
            while (!kept.isEmpty() && (kept.size() > KEPT_MAX || kept.peekFirst().at().isBefore(horizon))) {
                kept.removeFirst();
            }
            duplicate = random.nextDouble() < faults.duplicateRate();
            if (held == null && random.nextDouble() < faults.outOfOrderRate()) {
                held = delivery;
                vertx.setTimer(OUT_OF_ORDER_HOLD.toMillis(), id -> releaseHeld());
                return;
            }
            if (held != null) {
                release = held;
                held = null;
            }
        }
        send(delivery);
        if (duplicate) {
            send(delivery);
        }
        if (release != null) {
            send(release);
        }
    }

    private void releaseHeld() {
        Delivered release;
        synchronized (this) {
            release = held;
            held = null;
        }
        if (release != null) {
            send(release);
        }
    }

    private void send(Delivered delivery) {
        delivered.incrementAndGet();
        if (delivery.webhookId() == null) {
            streams.forEach(stream -> stream.write(delivery.body() + "\n"));
            cutIfDue();
        } else {
            Webhook webhook = webhooks.get(delivery.webhookId());
            if (webhook != null && webhook.valid()) {
                post(webhook, delivery.body());
            }
        }
    }

    private void cutIfDue() {
        boolean cut;
        synchronized (this) {
            long writes = streamWrites.incrementAndGet();
            cut = faults.cutStreamEvery() > 0 && writes % faults.cutStreamEvery() == 0
                    && (faults.streamCuts() == 0 || cutsDone < faults.streamCuts());
            if (cut) {
                cutsDone++;
            }
        }
        if (cut) {
            LOG.infof("sandbox cuts the activity streams (fault): open=%d", cutStreams());
        }
    }

    private void post(Webhook webhook, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature;
        synchronized (this) {
            signature = badSignaturesLeft > 0 ? sign("not the body".getBytes(StandardCharsets.UTF_8)) : sign(bytes);
            if (badSignaturesLeft > 0) {
                badSignaturesLeft--;
            }
        }
        http.sendAsync(HttpRequest.newBuilder(URI.create(webhook.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("x-twitter-webhooks-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        LOG.debugf("sandbox webhook delivery not accepted: status=%s",
                                failure != null ? failure.getClass().getSimpleName() : response.statusCode());
                    }
                });
    }

    /** X's envelope: {@code data} (event type, uuid, filter, tag, payload) and {@code includes.users}. */
    private ObjectNode envelope(SandboxActivityEvent event, Subscription subscription) {
        ObjectNode envelope = json.createObjectNode();
        ObjectNode data = envelope.putObject("data");
        data.put("event_type", subscription.eventType());
        data.put("event_uuid", UUID.randomUUID().toString());
        data.putObject("filter").put("user_id", subscription.userId());
        if (subscription.tag() != null) {
            data.put("tag", subscription.tag());
        }
        ObjectNode payload = data.putObject("payload");
        String id = Long.toString(event.id());
        payload.put("id", id);
        payload.put("text", event.text());
        payload.put("created_at", XJsonV2.createdAt(event.createdAt()));
        if (event.directMessage()) {
            payload.put("event_type", "MessageCreate");
            payload.put("sender_id", Long.toString(event.authorId()));
            payload.put("dm_conversation_id", XJsonV2.conversationId(event.authorId(), event.recipientId()));
        } else {
            payload.put("author_id", Long.toString(event.authorId()));
            payload.putArray("edit_history_tweet_ids").add(id);
            if (event.inReplyToStatusId() != null) {
                payload.put("in_reply_to_user_id", Long.toString(event.inReplyToUserId()));
                payload.putArray("referenced_tweets").addObject().put("type", "replied_to")
                        .put("id", Long.toString(event.inReplyToStatusId()));
            }
        }
        envelope.putObject("includes").putArray("users").addObject().put("id", Long.toString(event.authorId()))
                .put("name", event.authorName()).put("username", event.authorHandle());
        return envelope;
    }

    private String sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.consumerSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
