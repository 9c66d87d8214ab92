package dev.signet.care.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.sentiment.MessageScored;
import dev.signet.sentiment.Sentiment;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The live queue through the API: claim and collision, hand-off, statuses and reopening, priority and its reasons. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class LiveQueueTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;
    @Inject
    SandboxService sandbox;
    @Inject
    CrmImportService crm;
    @Inject
    Event<MessageScored> scored;

    @Test
    void aClaimIsVisibleToEveryoneAndAnotherAgentsReplyIsRefusedAndNeverSent() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Collision Case");

        as(maria).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(200)
                .body("holder.initials", equalTo(maria.initials()));
        as(jonas).get("/api/conversations/" + id).then().statusCode(200)
                .body("holder.initials", equalTo(maria.initials()));
        as(maria).queryParam("holder", "MINE").queryParam("size", 100).get("/api/conversations")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        as(jonas).queryParam("holder", "UNASSIGNED").queryParam("size", 100).get("/api/conversations")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));

        as(jonas).contentType(ContentType.JSON).body("{\"text\":\"I'll take this one\"}")
                .post("/api/conversations/" + id + "/replies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/conversation-held"))
                .body("detail", containsString("held by ^" + maria.initials()));
        as(jonas).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(409)
                .body("type", equalTo("/problems/conversation-held"));
        assertEquals(0, outgoingCount(id), "the refused reply is not stored, so never sent");

        as(maria).contentType(ContentType.JSON).post("/api/conversations/" + id + "/release").then().statusCode(200).body("holder", nullValue());
        as(jonas).contentType(ContentType.JSON).body("{\"text\":\"On it now\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(201);
        as(maria).get("/api/conversations/" + id).then().body("holder.initials", equalTo(jonas.initials()));
        as(maria).contentType(ContentType.JSON).post("/api/conversations/" + id + "/release").then().statusCode(409)
                .body("type", equalTo("/problems/not-holder"));
        assertEquals(1, outgoingCount(id));
    }

    @Test
    void anExpiredClaimCountsAsFree() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Gone Away");
        as(maria).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update Conversation c set c.heldUntil = :past where c.id = :id")
                .setParameter("past", Instant.now().minus(Duration.ofMinutes(1))).setParameter("id", id).executeUpdate());

        as(jonas).get("/api/conversations/" + id).then().body("holder", nullValue());
        as(jonas).queryParam("holder", "UNASSIGNED").queryParam("size", 100).queryParam("status", "NEW")
                .get("/api/conversations").then().statusCode(200);
        as(jonas).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(200)
                .body("holder.initials", equalTo(jonas.initials()));
    }

    @Test
    void aHandOffRecordsWhoToWhomAndWhyAndTheLineIsSignedByBoth() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Hand Over");
        as(maria).contentType(ContentType.JSON).post("/api/conversations/" + id + "/claim").then().statusCode(200);

        as(maria).contentType(ContentType.JSON)
                .body("{\"to\":\"" + jonas.username() + "\",\"reason\":\"refund needs approval\","
                        + "\"customerLine\":\"My colleague takes it from here.\"}")
                .post("/api/conversations/" + id + "/handoff")
                .then().statusCode(200)
                .body("text", endsWith("takes it from here. ^" + maria.initials() + " → ^" + jonas.initials()));

        as(maria).get("/api/conversations/" + id).then().statusCode(200)
                .body("holder.initials", equalTo(jonas.initials()))
                .body("handOffs[0].fromInitials", equalTo(maria.initials()))
                .body("handOffs[0].toInitials", equalTo(jonas.initials()))
                .body("handOffs[0].reason", equalTo("refund needs approval"))
                .body("handOffs[0].customerLine", equalTo("My colleague takes it from here."));
        // Maria handed it over: now she is the one refused.
        as(maria).contentType(ContentType.JSON).body("{\"text\":\"one more thing\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(409);
    }

    @Test
    void aBadHandOffIsRefusedAndChangesNothing() {
        TestWorld.Login maria = world.agent();
        TestWorld.Login jonas = world.agent();
        long id = aConversation("Bad Hand");
        String path = "/api/conversations/" + id + "/handoff";
        as(maria).contentType(ContentType.JSON).body("{\"to\":\"" + jonas.username() + "\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/hand-off-needs-reason"));
        as(maria).contentType(ContentType.JSON).body("{\"to\":\"nobody-here\",\"reason\":\"x\"}").post(path)
                .then().statusCode(400).body("type", equalTo("/problems/unknown-agent"));
        as(maria).contentType(ContentType.JSON).body("{\"to\":\"" + maria.username() + "\",\"reason\":\"x\"}").post(path)
                .then().statusCode(400).body("type", equalTo("/problems/hand-off-to-self"));
        // 270 characters + " ^QAA → ^QAB" (12) > 280: the double signature counts.
        as(maria).contentType(ContentType.JSON)
                .body("{\"to\":\"" + jonas.username() + "\",\"reason\":\"x\",\"customerLine\":\"" + "y".repeat(270) + "\"}")
                .post(path).then().statusCode(422).body("type", equalTo("/problems/reply-too-long"));

        as(maria).get("/api/conversations/" + id).then().body("holder", nullValue()).body("handOffs.size()", equalTo(0));
        assertEquals(0, outgoingCount(id));
    }

    @Test
    void statusesFollowTheStateMachineAndTheCustomersClockRunsAcrossReopening() {
        TestWorld.Login maria = world.agent();
        Author author = world.customer("Clock Watcher");
        InboundMessage first = new InboundMessage(TestWorld.AIR, dev.signet.channel.Network.X, world.nextId(),
                dev.signet.channel.MessageKind.MENTION, author, null, "@SignetTestAir my bag is lost", null,
                Instant.now().minus(Duration.ofHours(2)));
        intake.receive(first);
        long id = world.conversationOfExternalId(first.externalId());
        String path = "/api/conversations/" + id + "/status";

        as(maria).contentType(ContentType.JSON).body("{\"status\":\"WAITING_ON_US\",\"promisedUpdateAt\":\""
                + Instant.now().plus(Duration.ofHours(3)) + "\"}").post(path)
                .then().statusCode(200).body("status", equalTo("WAITING_ON_US"))
                .body("clock.running", equalTo(true));
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"RESOLVED\"}").post(path)
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("clock.running", equalTo(false));
        long resolvedClock = as(maria).get("/api/conversations/" + id).then().extract().jsonPath().getLong("clock.seconds");
        assertTrue(resolvedClock >= 7200 && resolvedClock < 7300, "first message → resolution: " + resolvedClock);

        as(maria).contentType(ContentType.JSON).body("{\"status\":\"WAITING_ON_US\"}").post(path)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-status-change"));
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"NEW\"}").post(path).then().statusCode(409);
        as(maria).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400)
                .body("type", equalTo("/problems/status-required"));
        as(maria).contentType(ContentType.JSON).body("{\"status\":\"LATER\"}").post(path).then().statusCode(400);

        // The customer writes again within the reopen window: same conversation, reopened, a repeat contact.
        InboundMessage again = world.mention(TestWorld.AIR, author, "@SignetTestAir still no bag", null);
        intake.receive(again);
        assertEquals(id, world.conversationOfExternalId(again.externalId()));
        as(maria).get("/api/conversations/" + id).then()
                .body("status", equalTo("OPEN"))
                .body("contactCount", equalTo(2))
                .body("reasons", hasItem("came back +15"))
                .body("clock.running", equalTo(true))
                .body("clock.seconds", org.hamcrest.Matchers.greaterThanOrEqualTo(7200));
    }

    @Test
    void goldCustomersComeFirstAndEveryRowSaysWhy() {
        TestWorld.Login maria = world.agent();
        Author gold = world.customer("Gold Member");
        crm.upsert(List.of(new CrmRecord("crm-" + gold.userId(), "Gold Member", null, "gold", null, null, gold.userId(),
                gold.handle(), null)), "test");
        InboundMessage plain = world.mention(TestWorld.MOBILE, world.customer("Plain Member"), "@SignetTestMobile hi", null);
        InboundMessage golden = world.mention(TestWorld.MOBILE, gold, "@SignetTestMobile hi too", null);
        intake.receiveAll(List.of(plain, golden));
        long plainId = world.conversationOfExternalId(plain.externalId());
        long goldId = world.conversationOfExternalId(golden.externalId());

        as(maria).get("/api/conversations/" + goldId).then().body("reasons", hasItem("gold tier +30"))
                .body("score", org.hamcrest.Matchers.greaterThanOrEqualTo(30));
        List<Integer> order = as(maria).queryParam("account", TestWorld.MOBILE).queryParam("size", 100)
                .queryParam("status", "NEW").get("/api/conversations")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        // The gold customer's row is on a page before or above the plain one's (both waited as long).
        int goldAt = order.indexOf((int) goldId);
        int plainAt = order.indexOf((int) plainId);
        assertTrue(goldAt >= 0 && (plainAt < 0 || goldAt < plainAt), "gold at " + goldAt + ", plain at " + plainAt);
    }

    @Test
    void aNegativeScoreRaisesThePriorityAndOnlyTheLatestMessageCounts() {
        TestWorld.Login maria = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Angry Flyer"), "@SignetTestAir worst airline", null);
        intake.receive(mention);
        long id = world.conversationOfExternalId(mention.externalId());
        long messageId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());

        scored.fire(new MessageScored(messageId, id, TestWorld.AIR, mention.sentAt(), Sentiment.NEGATIVE, 0.93, "test"));
        as(maria).get("/api/conversations/" + id).then().body("reasons", hasItem("negative +25"));

        // A late score of an older message does not override the latest one.
        scored.fire(new MessageScored(messageId, id, TestWorld.AIR, mention.sentAt().minusSeconds(60),
                Sentiment.POSITIVE, 0.8, "test"));
        as(maria).get("/api/conversations/" + id).then().body("reasons", hasItem("negative +25"));
        Integer negativeFirst = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.priorityPoints from Conversation c where c.id = :id", Integer.class)
                .setParameter("id", id).getSingleResult());
        assertEquals(25, negativeFirst);
    }

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }

    private long aConversation(String name) {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer(name), "@SignetTestAir help please", null);
        intake.receive(mention);
        return world.conversationOfExternalId(mention.externalId());
    }

    private long outgoingCount(long conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("id", conversationId).getSingleResult());
    }
}
