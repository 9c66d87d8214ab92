package dev.signet.channel.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.signet.channel.ChannelConfig;
import dev.signet.channel.ChannelException;
import dev.signet.channel.OutgoingMessage;
import dev.signet.channel.Published;
import dev.signet.channel.RateLimitBudget;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The v2 connector's send and look-up against X as it may really answer (a stub on 127.0.0.1, not the sandbox):
 * a 2xx whose body names no id is "accepted, id unknown", never an exception; a DM is found by its conversation
 * partner, sender and text whatever form {@code dm_conversation_id} takes (X's spec: "a-b" or a single id).
 */
@QuarkusTest
class XApiV2PublishTest {

    private static final String BRAND = "100";
    private static final String CUSTOMER = "200";

    @Inject
    RateLimitBudget budget;

    private HttpServer server;
    /** Answers by "METHOD path": status and body. */
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private XApiV2Connector connector;

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        answers.put("GET /2/users/me", new String[] { "200", "{\"data\":{\"id\":\"" + BRAND + "\",\"username\":\"brand\"}}" });
        connector = new XApiV2Connector("stub-" + System.nanoTime(), account("http://127.0.0.1:"
                + server.getAddress().getPort() + "/2/"), Duration.ofSeconds(5), budget);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDirectMessageIsFoundInAConversationNamedByASingleId() {
        String now = Instant.now().toString();
        String events = "{\"data\":["
                // Ours, in a conversation X names by one id.
                + event("1800000000000000030", BRAND, "Your refund is on its way ^AB", "1582838223660318720", now) + ","
                // The customer quoting us: same text, not ours.
                + event("1800000000000000020", CUSTOMER, "Your refund is on its way ^AB", "1582838223660318720", now) + ","
                // Ours, in the "a-b" form.
                + event("1800000000000000010", BRAND, "Second answer ^AB", BRAND + "-" + CUSTOMER, now) + ","
                // Bad input: an id that is no id, an event without text.
                + "{\"id\":\"not-a-number\",\"event_type\":\"MessageCreate\",\"sender_id\":\"" + BRAND + "\"},"
                + "{\"id\":\"1800000000000000005\",\"event_type\":\"MessageCreate\",\"sender_id\":\"" + BRAND + "\"}"
                + "],\"meta\":{\"result_count\":5}}";
        // Both DM event lists X offers answer the same: the connector may use either.
        answers.put("GET /2/dm_events", new String[] { "200", events });
        answers.put("GET /2/dm_conversations/with/" + CUSTOMER + "/dm_events", new String[] { "200", events });

        List<Published> found = connector.findSent(dm("Your refund is on its way ^AB"));
        assertEquals(List.of("1800000000000000030"), found.stream().map(Published::externalId).toList());
        assertEquals(List.of("1800000000000000010"),
                connector.findSent(dm("Second answer ^AB")).stream().map(Published::externalId).toList());
        assertTrue(connector.findSent(dm("Never sent")).isEmpty());
    }

    @Test
    void aSendAcceptedWithoutAUsableIdIsAcceptedNotAFailure() {
        String dmPath = "POST /2/dm_conversations/with/" + CUSTOMER + "/messages";
        for (String body : List.of("{\"data\":{\"dm_conversation_id\":\"1582838223660318720\"}}", "", "{}",
                "{\"data\":{}}", "<html>OK</html>", "{\"data\":{\"dm_event_id\":\"abc\"}}")) {
            answers.put(dmPath, new String[] { "201", body });
            Published sent = connector.sendDirectMessage(CUSTOMER, "Hello ^AB");
            assertFalse(sent.idKnown(), "DM answered " + body);
            assertNull(sent.externalId());
            assertTrue(sent.idUnknown() != null && !sent.idUnknown().isBlank(), "a reason for " + body);

            answers.put("POST /2/tweets", new String[] { "201", body });
            assertFalse(connector.publishReply("Hello ^AB", "1800000000000000001").idKnown(), "post answered " + body);
        }
        answers.put(dmPath, new String[] { "201",
                "{\"data\":{\"dm_conversation_id\":\"1582838223660318720\",\"dm_event_id\":\"1800000000000000040\"}}" });
        assertEquals("1800000000000000040", connector.sendDirectMessage(CUSTOMER, "Hello ^AB").externalId());

        // An error answer is still a failure, retryable or not.
        answers.put(dmPath, new String[] { "503", "{\"title\":\"Service Unavailable\"}" });
        assertTrue(assertThrows(ChannelException.class, () -> connector.sendDirectMessage(CUSTOMER, "Hi")).retryable());
        answers.put("POST /2/tweets", new String[] { "403", "{\"detail\":\"You are not permitted\"}" });
        assertFalse(assertThrows(ChannelException.class, () -> connector.publishReply("Hi", "1")).retryable());
    }

    private OutgoingMessage dm(String text) {
        return new OutgoingMessage("signet-outbox-1", true, text, null, CUSTOMER, Instant.now().minusSeconds(60));
    }

    private static String event(String id, String sender, String text, String conversation, String createdAt) {
        return "{\"id\":\"" + id + "\",\"event_type\":\"MessageCreate\",\"sender_id\":\"" + sender + "\",\"text\":\""
                + text + "\",\"dm_conversation_id\":\"" + conversation + "\",\"created_at\":\"" + createdAt + "\"}";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                new String[] { "404", "{\"title\":\"Not Found\"}" });
        byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The few account settings the connector reads; nothing else is asked. */
    private static ChannelConfig.Account account(String v2BaseUrl) {
        return (ChannelConfig.Account) Proxy.newProxyInstance(XApiV2PublishTest.class.getClassLoader(),
                new Class<?>[] { ChannelConfig.Account.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "apiV2BaseUrl" -> v2BaseUrl;
                    case "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret" -> "stub-" + method.getName();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
