package dev.signet.live;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signet.channel.ReplicaId;
import dev.signet.common.DatabaseDialect;

/**
 * Publishes small records to the live streams of the other replicas. The caller has already told its own streams
 * in-process; this only reaches the others (the listener drops what this replica sent). On PostgreSQL each record
 * goes out as one {@code NOTIFY} on a pooled connection, from one sending thread so that the committing request
 * never waits and records leave in the order they were published; in-process (H2) it does nothing.
 * <p>
 * A record is a few ids and names: a {@code NOTIFY} payload must stay under 8,000 bytes. One that would not is
 * replaced by a resync signal (every page refetches), which loses nothing a page shows.
 */
@ApplicationScoped
public class LiveBus {

    /** PostgreSQL's limit is 8,000 bytes; the envelope leaves room below it. */
    static final int MAX_PAYLOAD_BYTES = 7_900;
    static final String RESYNC_TOPIC = "resync";

    private static final Logger LOG = Logger.getLogger(LiveBus.class);

    private final boolean postgres;
    private final String channel;
    private final String origin;
    private final ObjectMapper json;
    private final PgNotifier notifier;
    // One sender thread: NOTIFY leaves in publish order, off the request's thread (its transaction is over).
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "signet-live-sender");
        thread.setDaemon(true);
        return thread;
    });

    LiveBus(LiveConfig config, DatabaseDialect dialect, ReplicaId replica, ObjectMapper json, PgNotifier notifier) {
        this.postgres = usesPostgres(config, dialect);
        this.channel = config.channel();
        this.origin = replica.value();
        this.json = json;
        this.notifier = notifier;
    }

    static boolean usesPostgres(LiveConfig config, DatabaseDialect dialect) {
        return switch (config.transport()) {
            case POSTGRES -> true;
            case IN_PROCESS -> false;
            case AUTO -> !dialect.isH2();
        };
    }

    /** Whether records travel to other replicas (PostgreSQL) or stay in this process (H2, one replica). */
    public boolean acrossReplicas() {
        return postgres;
    }

    /** Sends {@code record} (serialized as JSON) under {@code topic} to the other replicas; returns at once. */
    public void publish(String topic, Object record) {
        if (!postgres) {
            return;
        }
        String text = envelope(topic, record);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            LOG.warnf("live record on topic %s is over %d bytes; sending a resync signal instead", topic, MAX_PAYLOAD_BYTES);
            text = envelope(RESYNC_TOPIC, null);
        }
        String payload = text;
        try {
            sender.execute(() -> send(payload, topic));
        } catch (RejectedExecutionException e) {
            LOG.debugf("live record on topic %s not sent: shutting down", topic);
        }
    }

    /** Reads a record another replica published. */
    public <T> T read(LiveMessage message, Class<T> type) {
        try {
            return json.readValue(message.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable live record on topic " + message.topic(), e);
        }
    }

    String origin() {
        return origin;
    }

    String channel() {
        return channel;
    }

    private void send(String payload, String topic) {
        try {
            notifier.send(channel, payload);
        } catch (RuntimeException e) {
            // NOTIFY is not durable anyway: the other replicas' pages catch up on their next event or resync.
            LOG.warnf(e, "live record on topic %s not sent to the other replicas", topic);
        }
    }

    private String envelope(String topic, Object record) {
        try {
            return json.writeValueAsString(new Envelope(origin, topic, record));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("live record on topic " + topic + " can't be written as JSON", e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    /** What travels in one {@code NOTIFY}: who sent it, what kind of record, the record. */
    record Envelope(String origin, String topic, Object payload) {
    }
}
