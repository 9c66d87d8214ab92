package dev.signet.care.queue;

import static dev.signet.testsupport.SseLines.next;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The live queue's server-sent events: a stored mention and a claim reach an open stream after they commit. */
@QuarkusTest
class QueueEventsTest {

    @TestHTTPResource("/api/queue/events")
    URI events;
    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;

    @Test
    void aMentionAndAClaimArriveAsEventsOnAnOpenStream() throws Exception {
        TestWorld.Login agent = world.agent();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agent.username() + ":" + agent.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:")).forEach(data::add),
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertNotNull(next(data, 10, "\"CONNECTED\""), "every stream starts with CONNECTED");

            InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Live One"), "@SignetTestAir are you there?", null);
            intake.receive(mention);
            long id = world.conversationOf(mention);
            assertNotNull(next(data, 10, "\"MESSAGE_RECEIVED\"", "\"conversationId\":" + id), "the stored mention's event");

            given().auth().preemptive().basic(agent.username(), agent.password())
                    .contentType(ContentType.JSON).when().post("/api/conversations/" + id + "/claim").then().statusCode(200);
            assertNotNull(next(data, 10, "\"CLAIMED\"", "\"conversationId\":" + id), "the claim's event");
        } finally {
            response.body().close();
        }
    }

    @Test
    void theStreamNeedsALogin() {
        given().accept("text/event-stream").when().get("/api/queue/events").then().statusCode(401);
    }
}
