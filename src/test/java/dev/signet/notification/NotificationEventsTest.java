package dev.signet.notification;

import static dev.signet.testsupport.SseLines.next;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each user's notification stream: a mention arrives on the mentioned colleague's stream, not on another's. */
@QuarkusTest
class NotificationEventsTest {

    @TestHTTPResource("/api/notifications/events")
    URI events;
    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;

    @Test
    void aMentionReachesOnlyTheMentionedUsersStream() throws Exception {
        TestWorld.Login author = world.agent();
        TestWorld.Login mentioned = world.agent();
        TestWorld.Login other = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Live Mention"), "@SignetTestAir hi", null);
        intake.receive(mention);
        long id = world.conversationOf(mention);
        long secondId = world.conversation().account(TestWorld.AIR).customer(world.customer("Live Mention Two"))
                .mention("@SignetTestAir hi").create().id();

        Sse mine = open(mentioned);
        Sse theirs = open(other);
        try {
            assertNotNull(next(mine.data, 10, "\"CONNECTED\""), "every stream starts with CONNECTED");
            assertNotNull(next(theirs.data, 10, "\"CONNECTED\""));

            given().auth().preemptive().basic(author.username(), author.password()).contentType(ContentType.JSON)
                    .body("{\"text\":\"@" + mentioned.initials() + " please look\"}")
                    .when().post("/api/conversations/" + id + "/notes").then().statusCode(201);

            String line = next(mine.data, 10, "\"NOTIFIED\"");
            assertNotNull(line, "the mentioned colleague's stream tells them");
            assertEquals(true, line.contains("\"kind\":\"MENTION\"") && line.contains("\"conversationId\":" + id), line);
            // Then a mention of the other user: the first thing their stream tells is this one, not the first.
            given().auth().preemptive().basic(author.username(), author.password()).contentType(ContentType.JSON)
                    .body("{\"text\":\"@" + other.initials() + " and you\"}")
                    .when().post("/api/conversations/" + secondId + "/notes").then().statusCode(201);
            String theirLine = next(theirs.data, 10, "\"NOTIFIED\"");
            assertNotNull(theirLine, "the other user's stream tells them of their own mention");
            assertEquals(true, theirLine.contains("\"conversationId\":" + secondId), theirLine);
            assertNull(next(mine.data, 1, "\"conversationId\":" + secondId), "nor does it reach the first stream");
        } finally {
            mine.response.body().close();
            theirs.response.body().close();
        }
    }

    @Test
    void theStreamNeedsALogin() {
        given().accept("text/event-stream").when().get("/api/notifications/events").then().statusCode(401);
    }

    private record Sse(HttpResponse<Stream<String>> response, BlockingQueue<String> data) {
    }

    private Sse open(TestWorld.Login login) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(data::add),
                "sse-reader-" + login.username());
        reader.setDaemon(true);
        reader.start();
        return new Sse(response, data);
    }
}
