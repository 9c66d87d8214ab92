package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A reply X refuses for good is shown to the agent with X's reason and a Retry button (page, htmx, CSRF) and in
 * the API (delivery status, retry endpoint); retrying publishes it once. Bad retries are refused clearly.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class FailedPublishTest {

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void aRefusedReplyShowsItsReasonAndRetryPublishesItOnce() {
        TestWorld.Login agent = world.agent();
        long id = publicConversation("Refused Rita");
        faults.arm(new SandboxFault("statuses/update.json", 1, 403, 0, false, 0));

        long replyId = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "We <b>will</b> call you back"))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("FAILED"))
                .body("error", containsString("HTTP 403"))
                .extract().<Number>path("messageId").longValue();

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("messages.find { it.id == " + replyId + " }.delivery.status", equalTo("FAILED"))
                .body("messages.find { it.id == " + replyId + " }.delivery.reason", containsString("HTTP 403"))
                .body("messages.find { it.direction == 'IN' }.delivery", nullValue());

        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + id);
        page.then().statusCode(200)
                .body(containsString("Not published on X."))
                .body(containsString("HTTP 403"))
                .body(containsString("hx-post=\"/conversations/" + id + "/replies/" + replyId + "/retry\""))
                // The reply's text is escaped like every user text.
                .body(containsString("We &lt;b&gt;will&lt;/b&gt; call you back"));

        // Without the CSRF token the Retry form is refused, and nothing is published.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .header("HX-Request", "true")
                .when().post("/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(400);
        assertEquals(0, onSandbox("We <b>will</b> call you back"));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(Csrf.FIELD, Csrf.token(page))
                .when().post("/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(200)
                .body(allOf(containsString("Published on X."), containsString("id=\"delivery-" + replyId + "\""),
                        not(containsString("<html")), not(containsString("Retry"))));
        assertEquals(1, onSandbox("We <b>will</b> call you back"));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("messages.find { it.id == " + replyId + " }.delivery.status", equalTo("SENT"))
                .body("messages.find { it.id == " + replyId + " }.externalId", notNullValue());
        // A second retry has nothing to do.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/reply-not-failed"))
                .body("detail", containsString("already published"));
        assertEquals(1, onSandbox("We <b>will</b> call you back"));
    }

    @Test
    void retryThroughTheApiPublishesAFailedDirectMessage() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Refused Direct");
        sandbox.sendDirectMessage(customer, TestWorld.MOBILE_HANDLE, "my parcel?");
        assertNull(poller.poll(TestWorld.MOBILE).error());
        long id = newestConversation(TestWorld.MOBILE);
        String text = "Parcel is on its way " + System.nanoTime();
        // Retries exhausted: five 503s in a row before the write, then the attempts left are given up by hand.
        faults.arm(new SandboxFault("direct_messages/events/new.json", 4, 503, 0, false, 0));
        long replyId = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("delivery", equalTo("PENDING"))
                .body("error", containsString("HTTP 503"))
                .extract().<Number>path("messageId").longValue();
        // A PENDING reply is still Signet's to publish: not retried by hand.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(409).body("detail", containsString("still trying"));
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update OutboxEntry o set o.status = :failed where o.message.id = :id")
                .setParameter("failed", DeliveryStatus.FAILED).setParameter("id", replyId).executeUpdate());

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(200)
                .body("delivery", equalTo("SENT"))
                .body("externalId", notNullValue());
        assertEquals(1, onSandbox(text));
    }

    @Test
    void badRetriesAreRefusedClearly() {
        TestWorld.Login agent = world.agent();
        long id = publicConversation("Bad Retry");
        long otherId = publicConversation("Other Conversation");
        long replyId = given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "All good " + System.nanoTime()))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201).body("delivery", equalTo("SENT"))
                .extract().<Number>path("messageId").longValue();
        long incomingId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.IN",
                Long.class).setParameter("id", id).setMaxResults(1).getSingleResult());

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + otherId + "/replies/" + replyId + "/retry")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/reply-not-found"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/" + incomingId + "/retry")
                .then().statusCode(404).body("type", equalTo("/problems/reply-not-found"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/not-a-number/retry")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(401);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies/" + replyId + "/retry")
                .then().statusCode(403);
    }

    private long publicConversation(String name) {
        String customer = world.sandboxCustomer(sandbox, name);
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "help please", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        return newestConversation(TestWorld.AIR);
    }

    private long newestConversation(String account) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.account.accountKey = :account order by c.id desc", Long.class)
                .setParameter("account", account).setMaxResults(1).getSingleResult());
    }

    private long onSandbox(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select (select count(*) from sandbox_tweet where text like :t)"
                        + " + (select count(*) from sandbox_direct_message where text like :t)")
                .setParameter("t", "%" + text + "%").getSingleResult()).longValue());
    }
}
