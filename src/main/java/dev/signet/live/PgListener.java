package dev.signet.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The listening side on PostgreSQL: one thread holds one connection that {@code LISTEN}s on the live channel and
 * turns every notification another replica sent into a {@link LiveMessage} event. When the connection is lost
 * (database restart, network cut, terminated backend) it reconnects through {@link PgListenConnector}'s retry and,
 * once listening again, fires a {@link LiveResync}: notifications sent meanwhile are gone, so pages refetch.
 * An idle connection is checked every {@value #CHECK_IDLE_MILLIS} ms (by listening again), so a silently dead one is
 * noticed too.
 */
@ApplicationScoped
class PgListener {

    static final int CHECK_IDLE_MILLIS = 10_000;
    private static final int WAIT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(PgListener.class);

    private final LiveBus bus;
    private final PgListenConnector connector;
    private final Event<LiveMessage> messages;
    private final Event<LiveResync> resyncs;
    private final ObjectMapper json;
    private volatile boolean running;
    private volatile Thread thread;

    PgListener(LiveBus bus, PgListenConnector connector, Event<LiveMessage> messages, Event<LiveResync> resyncs,
            ObjectMapper json) {
        this.bus = bus;
        this.connector = connector;
        this.messages = messages;
        this.resyncs = resyncs;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        if (!bus.acrossReplicas()) {
            LOG.info("live events stay in this process (one replica)");
            return;
        }
        LOG.infof("live events across replicas through PostgreSQL LISTEN/NOTIFY on channel %s", bus.channel());
        running = true;
        thread = new Thread(this::run, "signet-live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    private void run() {
        Long lostAt = null; // when the connection was lost, if it was
        while (running) {
            Connection connection;
            try {
                connection = connector.open(bus.channel());
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "live listener can't listen; pages of this replica see only its own changes");
                }
                return;
            }
            try (connection) {
                if (lostAt != null) {
                    long missed = millis() - lostAt;
                    LOG.infof("live listener listening again after %d ms; pages resync", missed);
                    resyncs.fire(new LiveResync(missed));
                }
                listen(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("live listener lost its connection (%s); reconnecting", e.getMessage());
                    lostAt = millis();
                }
            }
        }
    }

    private void listen(PGConnection notifications, Connection connection) throws SQLException {
        long idleSince = millis();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                for (PGNotification notification : received) {
                    deliver(notification.getParameter());
                }
                idleSince = millis();
            } else if (millis() - idleSince > CHECK_IDLE_MILLIS) {
                // LISTEN again: a no-op on a live connection, an exception on a dead one.
                try (Statement again = connection.createStatement()) {
                    again.setQueryTimeout(5);
                    again.execute("listen " + bus.channel());
                }
                idleSince = millis();
            }
        }
    }

    // Elapsed time only (not the application's Clock, which tests may move).
    private static long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    /** One notification: dropped if this replica sent it, else passed on to the features' streams. */
    void deliver(String payload) {
        try {
            JsonNode envelope = json.readTree(payload);
            if (bus.origin().equals(envelope.path("origin").asText())) {
                return;
            }
            String topic = envelope.path("topic").asText();
            if (LiveBus.RESYNC_TOPIC.equals(topic)) {
                resyncs.fire(new LiveResync(0));
            } else {
                messages.fire(new LiveMessage(topic, envelope.path("payload").toString()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // One bad notification (another version's record, a hand-typed NOTIFY) must not stop the listener.
            LOG.warnf(e, "live notification dropped: %s", payload.length() > 200 ? payload.substring(0, 200) : payload);
        }
    }
}
