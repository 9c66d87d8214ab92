package dev.signet.live;

import static dev.signet.testsupport.SseLines.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ReplicaId;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The listening side of live events across replicas, against the real PostgreSQL: a {@code NOTIFY} issued on a plain
 * JDBC connection, as another replica would send it, reaches this replica's server-sent event streams; one that
 * names this replica as its origin does not (its streams were told in-process); an unreadable one is dropped and
 * listening goes on; and when the listening connection is killed, the listener reconnects and the streams get
 * {@code RESYNC}.
 */
@QuarkusTest
class LiveListenerTest {

    private static final String OTHER_REPLICA = "12345@other-host/abcdef12";

    @TestHTTPResource("/api/queue/events")
    URI queueEvents;
    @TestHTTPResource("/api/notifications/events")
    URI notificationEvents;
    @Inject
    TestWorld world;
    @Inject
    ReplicaId replica;
    @Inject
    LiveConfig config;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void aQueueChangeNotifiedByAnotherReplicaReachesAnOpenStream() throws Exception {
        awaitListening();
        try (Events stream = open(queueEvents, world.agent())) {
            assertNotNull(next(stream.data, 10, "\"CONNECTED\""));
            long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
            notify(envelope(OTHER_REPLICA, "queue", queueChange("CLAIMED", id)));
            assertNotNull(next(stream.data, 5, "\"CLAIMED\"", "\"conversationId\":" + id), "the other replica's claim");
        }
    }

    @Test
    void whatThisReplicaSentItselfAndUnreadableNotificationsAreNotDelivered() throws Exception {
        awaitListening();
        try (Events stream = open(queueEvents, world.agent())) {
            assertNotNull(next(stream.data, 10, "\"CONNECTED\""));
            long own = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
            long other = own + 1;
            notify(envelope(replica.value(), "queue", queueChange("RELEASED", own)));
            notify("not json at all");
            notify(envelope(OTHER_REPLICA, "queue", "{\"type\":\"NO_SUCH_TYPE\"}"));
            notify(envelope(OTHER_REPLICA, "queue", queueChange("RELEASED", other)));
            // Notifications arrive in the order they were sent: once the last one is here, the others were handled.
            String line = next(stream.data, 5, "\"RELEASED\"");
            assertNotNull(line, "the other replica's release");
            assertEquals(true, line.contains("\"conversationId\":" + other), "this replica's own release is not echoed: " + line);
        }
    }

    @Test
    void aNotificationStoredOnAnotherReplicaReachesItsRecipientOnly() throws Exception {
        awaitListening();
        TestWorld.Login recipient = world.agent();
        TestWorld.Login other = world.agent();
        long recipientId = userId(recipient.username());
        try (Events mine = open(notificationEvents, recipient); Events theirs = open(notificationEvents, other)) {
            assertNotNull(next(mine.data, 10, "\"CONNECTED\""));
            assertNotNull(next(theirs.data, 10, "\"CONNECTED\""));
            notify(envelope(OTHER_REPLICA, "notification",
                    "{\"userIds\":[" + recipientId + "],\"kind\":\"MENTION\",\"conversationId\":77}"));
            assertNotNull(next(mine.data, 5, "\"NOTIFIED\"", "\"conversationId\":77"), "the recipient's stream");
            assertNull(next(theirs.data, 1, "\"NOTIFIED\""), "nobody else's");
        }
    }

    @Test
    void aLostListeningConnectionReconnectsAndTellsThePagesToResync() throws Exception {
        awaitListening();
        try (Events queue = open(queueEvents, world.agent()); Events bell = open(notificationEvents, world.agent())) {
            assertNotNull(next(queue.data, 10, "\"CONNECTED\""));
            assertNotNull(next(bell.data, 10, "\"CONNECTED\""));
            try (Connection admin = connect();
                    PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                            + " where application_name = ? and datname = current_database()")) {
                kill.setString(1, PgListenConnector.APPLICATION_NAME);
                kill.execute();
            }
            assertNotNull(next(queue.data, 15, "\"RESYNC\""), "the queue stream is told to refetch");
            assertNotNull(next(bell.data, 5, "\"RESYNC\""), "the notification stream is told to refetch");
            awaitListening();
            long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
            notify(envelope(OTHER_REPLICA, "queue", queueChange("RESOLVED", id)));
            assertNotNull(next(queue.data, 5, "\"RESOLVED\"", "\"conversationId\":" + id), "listening again");
        }
    }

    private static String queueChange(String type, long id) {
        return "{\"type\":\"" + type + "\",\"conversationId\":" + id + ",\"accountKey\":\"test-air\",\"at\":\"2026-01-01T10:00:00Z\"}";
    }

    private static String envelope(String origin, String topic, String payload) {
        return "{\"origin\":\"" + origin + "\",\"topic\":\"" + topic + "\",\"payload\":" + payload + "}";
    }

    private void notify(String payload) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, config.channel());
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private long userId(String username) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("select id from app_user where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Waits until this replica's listening connection has issued its LISTEN. */
    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect();
                    PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity"
                            + " where application_name = ? and datname = current_database() and query ilike 'listen%'")) {
                query.setString(1, PgListenConnector.APPLICATION_NAME);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the live listener never listened");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static Events open(URI uri, TestWorld.Login login) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:")).forEach(data::add),
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return new Events(data, response.body());
    }

    /** An open event stream: its data lines as they come. */
    private record Events(BlockingQueue<String> data, java.util.stream.Stream<String> body) implements AutoCloseable {
        @Override
        public void close() {
            body.close();
        }
    }
}
