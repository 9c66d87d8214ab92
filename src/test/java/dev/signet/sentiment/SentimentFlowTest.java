package dev.signet.sentiment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Sentiment end to end on the real database: a stored mention is scored by the background worker (event fired,
 * shown on the page and in the API); agents correct it in one click or through the API; the account's model is
 * retrained on the corrections, used for new scores, and rolled back. Roles and bad input.
 */
@QuarkusTest
@TestProfile(SentimentTestProfile.class)
class SentimentFlowTest {

    /** Generous: the first score of a run waits for the encoders to load on a busy machine. Not a timing goal. */
    private static final long WAIT_MS = 120_000;

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;
    @Inject
    ScoredEvents events;
    @Inject
    SentimentAdaptation adaptation;

    @Test
    void aStoredMentionIsScoredInTheBackgroundAndShownInTheApiAndOnThePage() {
        TestWorld.Login agent = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Angry Flyer"),
                "@SignetTestAir you lost my luggage again, worst airline ever. Absolutely furious", null);
        intake.receive(mention);
        long messageId = messageOf(mention);
        JsonPath scored = waitForScore(agent, messageId);
        assertEquals("NEGATIVE", scored.getString("sentiment"));
        assertTrue(scored.getDouble("confidence") > 0.34 && scored.getDouble("confidence") <= 1.0);
        assertNotNull(scored.getString("modelVersion"));

        List<MessageScored> fired = events.forMessage(messageId);
        assertEquals(1, fired.size(), "one event per scored message");
        assertEquals(Sentiment.NEGATIVE, fired.get(0).sentiment());
        assertEquals(TestWorld.AIR, fired.get(0).accountKey());

        long conversation = world.conversationOfMessage(messageId);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + conversation)
                .then().statusCode(200)
                .body("messages.find { it.id == " + messageId + " }.sentiment.sentiment", equalTo("NEGATIVE"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + conversation)
                .then().statusCode(200)
                .body(containsString("id=\"sentiment-" + messageId + "\""))
                .body(containsString("− negative"))
                .body(containsString("value=\"POSITIVE\""));
    }

    @Test
    void anAgentCorrectsInOneClickOnThePageWithCsrf() {
        TestWorld.Login agent = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Page Fixer"), "@SignetTestAir ok then", null);
        intake.receive(mention);
        long messageId = messageOf(mention);
        long conversation = world.conversationOfMessage(messageId);
        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + conversation);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .header("HX-Request", "true")
                .formParam("csrf-token", Csrf.token(page)).formParam("sentiment", "NEGATIVE")
                .when().post("/conversations/" + conversation + "/messages/" + messageId + "/sentiment")
                .then().statusCode(200)
                .body(allOf(containsString("− negative"), containsString("set by an agent"), not(containsString("<html"))));
        // Without the CSRF token the form is refused and nothing changes.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .formParam("sentiment", "POSITIVE")
                .when().post("/conversations/" + conversation + "/messages/" + messageId + "/sentiment")
                .then().statusCode(400);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/sentiment/messages/" + messageId)
                .then().statusCode(200).body("corrected", equalTo("NEGATIVE"));
    }

    @Test
    void correctionsFollowRolesAndRefuseBadInputAsProblems() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Role Check"), "@SignetTestAir hello", null);
        intake.receive(mention);
        long messageId = messageOf(mention);
        String path = "/api/sentiment/messages/" + messageId + "/correction";

        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"positive\"}").when().post(path)
                .then().statusCode(200).body("corrected", equalTo("POSITIVE"));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"NEUTRAL\"}").when().post(path)
                .then().statusCode(200).body("corrected", equalTo("NEUTRAL"));
        // Brand managers read, never write.
        given().auth().preemptive().basic(manager.username(), manager.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"NEGATIVE\"}").when().post(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/sentiment/messages/" + messageId)
                .then().statusCode(200).body("corrected", equalTo("NEUTRAL"));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().post("/api/sentiment/accounts/" + TestWorld.AIR + "/versions")
                .then().statusCode(403);

        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"furious\"}").when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-sentiment"))
                .body("detail", containsString("furious"));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{}").when().post(path)
                .then().statusCode(400).body("type", equalTo("/problems/unknown-sentiment"));
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"NEGATIVE\"}").when().post("/api/sentiment/messages/987654321/correction")
                .then().statusCode(404).body("type", equalTo("/problems/message-not-found"));
        // The bad requests lost nothing: the last good label stands.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/sentiment/messages/" + messageId)
                .then().statusCode(200).body("corrected", equalTo("NEUTRAL"));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"number\":99999}").when().put("/api/sentiment/accounts/" + TestWorld.AIR + "/active")
                .then().statusCode(404).body("type", equalTo("/problems/model-version-not-found"));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{}").when().put("/api/sentiment/accounts/" + TestWorld.AIR + "/active")
                .then().statusCode(400).body("type", equalTo("/problems/invalid-version"));
    }

    @Test
    void correctionsRetrainTheBrandsModelWhichScoresNewMessagesAndCanBeRolledBack() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        String account = TestWorld.MOBILE;
        // The brand's customers say "the app froze" as a neutral bug report; agents keep correcting it.
        for (int i = 0; i < 12; i++) {
            InboundMessage m = world.mention(account, world.customer("Bug Report " + i),
                    "@SignetTestMobile the app froze on screen " + i + " today, what should I do", null);
            intake.receive(m);
            given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                    .body("{\"sentiment\":\"NEUTRAL\"}").when().post("/api/sentiment/messages/" + messageOf(m) + "/correction")
                    .then().statusCode(200);
        }
        JsonPath created = given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .when().post("/api/sentiment/accounts/" + account + "/versions")
                .then().statusCode(201).body("active", equalTo(true)).extract().jsonPath();
        int number = created.getInt("number");
        String label = created.getString("label");
        assertTrue(created.getInt("corrections") >= 12);
        assertTrue(label.startsWith("shipped-") && label.endsWith("+" + account + "-v" + number), label);

        InboundMessage after = world.mention(account, world.customer("After Retrain"),
                "@SignetTestMobile the app froze on screen 99 today, what should I do", null);
        intake.receive(after);
        JsonPath scored = waitForScore(agent, messageOf(after));
        assertEquals(label, scored.getString("modelVersion"), "new scores use the brand's active version");
        assertEquals("NEUTRAL", scored.getString("sentiment"));

        // Roll back to the shipped model: new messages are scored by it again.
        JsonPath versions = given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"number\":0}").when().put("/api/sentiment/accounts/" + account + "/active")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(versions.getList("active", Boolean.class).contains(true));
        InboundMessage rolledBack = world.mention(account, world.customer("After Rollback"), "@SignetTestMobile hi there", null);
        intake.receive(rolledBack);
        assertThat(waitForScore(agent, messageOf(rolledBack)).getString("modelVersion"), startsWith("shipped-"),
                not(containsString("+")));

        // And forward again to the retrained version; the list shows which one is active.
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType(ContentType.JSON)
                .body("{\"number\":" + number + "}").when().put("/api/sentiment/accounts/" + account + "/active")
                .then().statusCode(200);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/sentiment/accounts/" + account + "/versions")
                .then().statusCode(200)
                .body("find { it.number == " + number + " }.active", equalTo(true))
                .body("find { it.number == " + number + " }.label", equalTo(label));
    }

    @Test
    void theBackgroundRetrainerMakesAVersionOnlyWhenCorrectionsChanged() {
        // The schedule is off in tests (%test.signet.sentiment.retrain-every=off): call what it runs.
        TestWorld.Login agent = world.agent();
        InboundMessage m = world.mention(TestWorld.MOBILE_V2, world.customer("Background"), "@SignetTestMobileV2 fine", null);
        intake.receive(m);
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"sentiment\":\"POSITIVE\"}").when().post("/api/sentiment/messages/" + messageOf(m) + "/correction")
                .then().statusCode(200);
        List<ModelVersionView> first = adaptation.retrainDue();
        assertTrue(first.stream().anyMatch(v -> v.accountKey().equals(TestWorld.MOBILE_V2) && v.active()));
        List<ModelVersionView> second = adaptation.retrainDue();
        assertTrue(second.stream().noneMatch(v -> v.accountKey().equals(TestWorld.MOBILE_V2)), "nothing new: no new version");
    }

    private static void assertThat(String actual, org.hamcrest.Matcher<String> a, org.hamcrest.Matcher<String> b) {
        org.hamcrest.MatcherAssert.assertThat(actual, allOf(a, b));
    }

    private JsonPath waitForScore(TestWorld.Login user, long messageId) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            JsonPath body = given().auth().preemptive().basic(user.username(), user.password())
                    .when().get("/api/sentiment/messages/" + messageId)
                    .then().statusCode(200).body("messageId", notNullValue()).extract().jsonPath();
            if (body.getString("sentiment") != null) {
                return body;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("message " + messageId + " was not scored");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long messageOf(InboundMessage inbound) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", inbound.externalId()).getSingleResult());
    }
}
