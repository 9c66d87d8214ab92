package dev.signet.care.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Repeat-contact escalation and continuity routing through intake, the API and the pages, against PostgreSQL:
 * the third contact escalates (audit, notifications for the leads, badge, filter, priority), a linked conversation
 * adds its contacts, a returning customer's new conversation is offered to the agent who handled them only while
 * that agent is on shift, and becomes a normal row "handled before by" once the window ran out.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class EscalationAndContinuityTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;
    @Inject
    SandboxService sandbox;

    @Test
    void theThirdContactEscalatesToTheLeadsWithAuditAndNotificationsAndOnlyALeadTakesItBack() {
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login agent = world.agent();
        Author author = world.customer("Thrice Written");
        Instant now = Instant.now();
        long id = receive(dm(author, "my refund never came", now.minus(Duration.ofHours(10))));
        receive(dm(author, "hello? anyone?", now.minus(Duration.ofHours(10)).plusSeconds(300)));
        receive(dm(author, "still waiting for the refund", now.minus(Duration.ofHours(6))));
        as(agent).get("/api/conversations/" + id).then().statusCode(200)
                .body("contactCount", equalTo(2)).body("escalated", equalTo(false));
        as(agent).get("/api/conversations/" + id + "/matter").then().statusCode(200)
                .body("contacts", equalTo(2)).body("escalatesAt", equalTo(2)).body("escalated", equalTo(false));
        assertEquals(0, notifications(lead, id), "two contacts: one below the threshold");

        receive(dm(author, "third time I write about this refund", now.minus(Duration.ofHours(1))));

        as(agent).get("/api/conversations/" + id).then().statusCode(200)
                .body("contactCount", equalTo(3)).body("escalated", equalTo(true))
                .body("reasons", hasItem("escalated +40"));
        as(agent).get("/api/conversations/" + id + "/matter").then()
                .body("history[0].action", equalTo("ESCALATED"))
                .body("history[0].actor", equalTo("system"))
                .body("history[0].contacts", equalTo(3))
                .body("history[0].reason", equalTo("3rd contact about the same matter (more than 2)"));
        assertEquals(1, notifications(lead, id), "every lead is told once");
        assertEquals(0, notifications(agent, id), "agents are not");
        as(lead).queryParam("escalated", true).queryParam("account", TestWorld.MOBILE).queryParam("size", 100)
                .get("/api/conversations").then().statusCode(200).body("items.id", hasItem((int) id));
        // Already escalated: a fourth contact tells nobody again.
        receive(dm(author, "fourth", now));
        assertEquals(1, notifications(lead, id));

        as(agent).contentType(ContentType.JSON).body("{\"reason\":\"mine now\"}")
                .post("/api/conversations/" + id + "/deescalate").then().statusCode(403);
        as(lead).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/conversations/" + id + "/deescalate").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/deescalation-needs-reason"));
        as(lead).contentType(ContentType.JSON).body("{\"reason\":\"refund approved, customer told\"}")
                .post("/api/conversations/" + id + "/deescalate").then().statusCode(200)
                .body("escalated", equalTo(false))
                .body("history[1].action", equalTo("DEESCALATED"))
                .body("history[1].actor", equalTo(lead.username()));
        as(lead).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/conversations/" + id + "/deescalate").then().statusCode(409)
                .body("type", equalTo("/problems/not-escalated"));
    }

    @Test
    void anExchangeGoingOnIsOneContact() {
        TestWorld.Login agent = world.agent();
        Author author = world.customer("Chatty Chris");
        Instant start = Instant.now().minus(Duration.ofHours(1));
        long id = receive(dm(author, "one", start));
        receive(dm(author, "two", start.plusSeconds(60)));
        receive(dm(author, "three", start.plusSeconds(120)));
        as(agent).get("/api/conversations/" + id).then().body("contactCount", equalTo(1)).body("escalated", equalTo(false));
    }

    @Test
    void aConversationLinkedAsTheSameMatterAddsItsContactsAndBadLinksAreRefused() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        Author author = world.customer("Two Channels");
        Instant now = Instant.now();
        long earlier = receive(mention(author, "@SignetTestAir my bag is lost", now.minus(Duration.ofHours(8))));
        receive(mention(author, "@SignetTestAir any news on my bag?", now.minus(Duration.ofHours(4))));
        long later = receive(dm(author, "writing by DM now about the bag", now.minus(Duration.ofMinutes(5))));
        assertTrue(later != earlier);
        as(agent).get("/api/conversations/" + later).then().body("escalated", equalTo(false));

        String path = "/api/conversations/" + later + "/same-matter";
        as(agent).contentType(ContentType.JSON).body("{\"conversationId\":" + later + "}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/same-matter-self"));
        long stranger = receive(dm(world.customer("Someone Else"), "hi", now));
        as(agent).contentType(ContentType.JSON).body("{\"conversationId\":" + stranger + "}").post(path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/same-matter-other-customer"));
        as(agent).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400)
                .body("type", equalTo("/problems/matter-required"));
        as(agent).contentType(ContentType.JSON).body("{\"conversationId\":999999999}").post(path).then().statusCode(404)
                .body("type", equalTo("/problems/conversation-not-found"));
        as(agent).get("/api/conversations/" + later + "/matter").then().body("contacts", equalTo(1))
                .body("linked", org.hamcrest.Matchers.empty());

        as(agent).contentType(ContentType.JSON).body("{\"conversationId\":" + earlier + "}").post(path)
                .then().statusCode(200)
                .body("rootId", equalTo((int) earlier))
                .body("linked", hasItem((int) earlier))
                .body("contacts", equalTo(3))
                .body("escalated", equalTo(true))
                .body("history[0].reason", containsString("linked by ^" + agent.initials()));
        assertEquals(1, notifications(lead, later));
        // Linking again changes nothing.
        as(agent).contentType(ContentType.JSON).body("{\"conversationId\":" + earlier + "}").post(path)
                .then().statusCode(200).body("contacts", equalTo(3));
        assertEquals(1, notifications(lead, later));
    }

    @Test
    void aReturningCustomerIsOfferedToTheirAgentOnShiftAndAfterTheWindowItIsANormalRow() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        Author author = world.customer("Returning Rita");
        long first = receive(mention(author, "@SignetTestAir seat change please", Instant.now().minus(Duration.ofDays(1))));
        handleAndResolve(maria, first);
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"ON_SHIFT\"}").post("/api/me/presence")
                .then().statusCode(200).body("status", equalTo("ON_SHIFT"));

        long next = receive(dm(author, "a new question about my booking", Instant.now()));
        assertTrue(next != first);
        as(jonas).get("/api/conversations/" + next).then().statusCode(200)
                .body("continuity.username", equalTo(maria.username()))
                .body("continuity.offered", equalTo(true))
                .body("holder", nullValue());
        as(maria).queryParam("holder", "MINE").queryParam("size", 100).get("/api/conversations")
                .then().body("items.id", hasItem((int) next));
        as(jonas).queryParam("holder", "MINE").queryParam("size", 100).get("/api/conversations")
                .then().body("items.id", not(hasItem((int) next)));
        assertEquals(1, notifications(maria, next, "CONTINUITY"));
        // The queue page marks it for everyone.
        as(jonas).queryParam("account", TestWorld.MOBILE).queryParam("kind", "DM").get("/queue").then().statusCode(200)
                .body(containsString("offered to <span class=\"signature\">^" + maria.initials() + "</span>"));

        // The window runs out: a normal row, noting who handled the customer before.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update Conversation c set c.offeredUntil = :past where c.id = :id")
                .setParameter("past", Instant.now().minusSeconds(1)).setParameter("id", next).executeUpdate());
        as(maria).queryParam("holder", "MINE").queryParam("size", 100).get("/api/conversations")
                .then().body("items.id", not(hasItem((int) next)));
        as(jonas).get("/api/conversations/" + next).then()
                .body("continuity.offered", equalTo(false))
                .body("continuity.initials", equalTo(maria.initials()));
        as(jonas).get("/conversations/" + next).then().statusCode(200)
                .body(containsString("Handled before by <span class=\"signature\">^" + maria.initials() + "</span>"));
    }

    @Test
    void anAgentWhoIsAwayIsNotOfferedAndGoingAwayWithdrawsAnOffer() {
        TestWorld.Login maria = world.agent();
        Author author = world.customer("Away Case");
        long first = receive(mention(author, "@SignetTestAir first", Instant.now().minus(Duration.ofDays(1))));
        handleAndResolve(maria, first);
        as(maria).get("/api/me/presence").then().body("status", equalTo("AWAY"));

        long next = receive(dm(author, "new matter while she is away", Instant.now()));
        as(maria).get("/api/conversations/" + next).then()
                .body("continuity.offered", equalTo(false))
                .body("continuity.initials", equalTo(maria.initials()));
        assertEquals(0, notifications(maria, next, "CONTINUITY"));

        // On shift: the next arrival is offered; going away ends that offer at once.
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"ON_SHIFT\"}").post("/api/me/presence").then().statusCode(200);
        long third = receive(mention(author, "@SignetTestAir and another thing", Instant.now()));
        as(maria).get("/api/conversations/" + third).then().body("continuity.offered", equalTo(true));
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"AWAY\"}").post("/api/me/presence")
                .then().statusCode(200).body("status", equalTo("AWAY"));
        as(maria).get("/api/conversations/" + third).then().body("continuity.offered", equalTo(false));
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"LUNCH\"}").post("/api/me/presence")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aFirstTimeCustomerHasNoPreviousAgent() {
        TestWorld.Login agent = world.agent();
        long id = receive(dm(world.customer("Brand New"), "hello", Instant.now()));
        as(agent).get("/api/conversations/" + id).then().body("continuity", nullValue());
    }

    private void handleAndResolve(TestWorld.Login agent, long id) {
        as(agent).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(200);
        as(agent).contentType(ContentType.JSON).body("{\"status\":\"RESOLVED\"}")
                .post("/api/conversations/" + id + "/status").then().statusCode(200);
        // Resolved longer ago than the reopen window: the customer's next message starts a new conversation.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update Conversation c set c.resolvedAt = :old where c.id = :id")
                .setParameter("old", Instant.now().minus(Duration.ofDays(10))).setParameter("id", id).executeUpdate());
    }

    private InboundMessage dm(Author author, String text, Instant at) {
        return new InboundMessage(TestWorld.MOBILE, Network.X, world.nextId(), MessageKind.DIRECT_MESSAGE, author,
                "brand", text, null, at);
    }

    private InboundMessage mention(Author author, String text, Instant at) {
        return new InboundMessage(TestWorld.AIR, Network.X, world.nextId(), MessageKind.MENTION, author, null, text, null,
                at);
    }

    private long receive(InboundMessage message) {
        intake.receive(message);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", message.externalId()).getSingleResult());
    }

    private long notifications(TestWorld.Login user, long conversationId) {
        return notifications(user, conversationId, "ESCALATION");
    }

    private long notifications(TestWorld.Login user, long conversationId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select count(n) from Notification n, AppUser u
                where u.id = n.userId and u.username = :user and n.conversationId = :c
                and n.kind = dev.signet.notification.NotificationKind.""" + kind, Long.class)
                .setParameter("user", user.username()).setParameter("c", conversationId).getSingleResult());
    }

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }
}
