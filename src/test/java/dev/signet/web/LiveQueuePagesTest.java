package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The queue and conversation pages of the live queue: holder, reasons, claim, collision, status, hand-off. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class LiveQueuePagesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    EntityManager em;

    @Test
    void aSecondAgentSeesTheHolderAndTheirReplyIsRefusedOnThePageWithTheDraftKept() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Page Collision", java.time.Instant.parse("2019-06-01T00:00:00Z"));

        Response mariaPage = page(maria, id);
        post(maria, mariaPage, "/conversations/" + id + "/claim").then().statusCode(303)
                .header("Location", endsWith("/conversations/" + id + "?done=claimed"));
        page(maria, id).then().statusCode(200).body(containsString("held by <span class=\"signature\">^" + maria.initials()))
                .body(containsString(", you)")).body(containsString("Release"));

        Response jonasPage = page(jonas, id);
        jonasPage.then().statusCode(200).body(containsString("held by <span class=\"signature\">^" + maria.initials()));
        given().auth().preemptive().basic(jonas.username(), jonas.password())
                .when().get("/queue?account=" + TestWorld.AIR)
                .then().statusCode(200)
                .body(containsString("/js/queue-live.js"))
                // Waiting since 2019, it heads the queue; everyone sees who holds it.
                .body(containsString("data-conversation=\"" + id + "\""))
                .body(containsString("held by <span class=\"signature\">^" + maria.initials()));

        given().auth().preemptive().basic(jonas.username(), jonas.password())
                .cookie("csrf-token", jonasPage.getCookie("csrf-token"))
                .formParam("csrf-token", Csrf.token(jonasPage)).formParam("text", "My <b>draft</b> answer")
                .when().post("/conversations/" + id + "/reply")
                .then().statusCode(409)
                .body(containsString("is held by ^" + maria.initials()))
                .body(containsString("My &lt;b&gt;draft&lt;/b&gt; answer"));
        assertEquals(0, outgoingCount(id), "never sent");

        post(jonas, jonasPage, "/conversations/" + id + "/claim").then().statusCode(409)
                .body(containsString("held by ^" + maria.initials()));
    }

    @Test
    void statusAndHandOffFromThePage() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Page Hand Off");
        Response page = page(maria, id);
        page.then().body(containsString("Customer's clock")).body(containsString("option value=\"" + jonas.username() + "\""));

        post(maria, page, "/conversations/" + id + "/status", "status", "WAITING_ON_US", "promisedUpdateAt",
                java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Madrid")).plusHours(3).withSecond(0).withNano(0)
                        .toString()).then().statusCode(303);
        page(maria, id).then().body(containsString("Waiting on us"));
        post(maria, page, "/conversations/" + id + "/status", "status", "BOGUS").then().statusCode(400)
                .body(containsString("Choose the new status"));

        post(maria, page, "/conversations/" + id + "/handoff", "to", jonas.username(), "reason", "<i>needs</i> a lead",
                "line", "").then().statusCode(303);
        page(jonas, id).then()
                .body(containsString("held by <span class=\"signature\">^" + jonas.initials()))
                .body(containsString("&lt;i&gt;needs&lt;/i&gt; a lead"))
                .body(not(containsString("<i>needs</i>")));

        post(maria, page, "/conversations/" + id + "/handoff", "to", jonas.username(), "reason", "again", "line", "")
                .then().statusCode(409).body(containsString("held by ^" + jonas.initials()));
    }

    @Test
    void theLiveScriptIsServed() {
        given().when().get("/js/queue-live.js").then().statusCode(200).body(containsString("EventSource"));
    }

    private Response page(TestWorld.Login login, long id) {
        return given().auth().preemptive().basic(login.username(), login.password()).when().get("/conversations/" + id);
    }

    private Response post(TestWorld.Login login, Response page, String path, String... fields) {
        var request = given().auth().preemptive().basic(login.username(), login.password()).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", Csrf.token(page));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(path);
    }

    private long aConversation(String name) {
        return aConversation(name, java.time.Instant.now());
    }

    private long aConversation(String name, java.time.Instant sentAt) {
        InboundMessage recent = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir page help", null);
        InboundMessage mention = new InboundMessage(recent.accountKey(), recent.network(), recent.externalId(),
                recent.kind(), recent.author(), null, recent.text(), null, sentAt);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
    }

    private long outgoingCount(long conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("id", conversationId).getSingleResult());
    }
}
