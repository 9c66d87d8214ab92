package dev.signet.care;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The conversations and replies API: authentication, roles and every kind of bad input. */
@QuarkusTest
class ConversationApiTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void anUnauthenticatedCallGetsA401Problem() {
        given().accept(ContentType.JSON).when().get("/api/conversations")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void aFieldOfTheWrongTypeGetsA400ProblemNamingTheField() {
        TestWorld.Login agent = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Typed Wrong"), "@SignetTestAir hello", null);
        intake.receive(mention);
        long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"text\":{\"nested\":1}}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("errors[0].field", equalTo("text"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :id and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("id", id).getSingleResult()), "nothing stored");
    }

    @Test
    void aWrongPasswordGetsA401Problem() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), "not-the-password")
                .when().get("/api/conversations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aBrandManagerCannotWorkTheQueue() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void theQueueListsAStoredMention() {
        TestWorld.Login agent = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Queue Person"), "@SignetTestAir where is my refund?", null);
        intake.receive(mention);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("size", 100)
                .when().get("/api/conversations")
                .then().statusCode(200)
                .body("items.handle", hasItem(mention.author().handle()))
                .body("total", notNullValue());
    }

    @Test
    void anUnknownConversationIsA404Problem() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/987654321")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/conversation-not-found"))
                .body("detail", containsString("987654321"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/api/conversations/987654321/replies")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badRepliesAreRefusedAndNothingIsStored() {
        TestWorld.Login agent = world.agent();
        long id = aConversation();
        long before = outgoingCount(id);

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"   \"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/empty-reply"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).body("type", equalTo("/problems/empty-reply"));
        // 277 characters + " ^QXX" (5) = 282 > 280: the signature counts.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(277) + "\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/reply-too-long"))
                .body("detail", containsString("with your signature"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, outgoingCount(id));
    }

    @Test
    void onlyAgentsAndLeadsReply() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        long id = aConversation();
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, outgoingCount(id));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/conversations/{id}/replies"));
    }

    private long aConversation() {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Reply Target"), "@SignetTestAir hello?", null);
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
