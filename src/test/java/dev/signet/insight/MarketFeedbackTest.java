package dev.signet.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.care.Conversation;
import dev.signet.care.Message;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.Network;
import dev.signet.intake.IntakeService;
import dev.signet.security.AppUser;
import dev.signet.security.Role;
import dev.signet.sentiment.Scores;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Agents flag customers' messages as market feedback; the flags reach the brand manager's insights (per account and
 * period, team counts by category) and the flagged-messages export, and leave them when taken back.
 */
@QuarkusTest
class MarketFeedbackTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    Scores scores;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void aFlagReachesTheInsightsOfItsAccountAndPeriodUntilItIsTakenBack() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage mention = world.mention(TestWorld.MOBILE, world.customer("Roaming Fan"),
                "@SignetTestMobile roaming costs more than my flight " + run, null);
        intake.receive(mention);
        long id = scores.messageId(mention);

        as(agent).body("{\"category\":\"pricing\",\"note\":\"  roaming fees again  \"}")
                .when().post("/api/messages/" + id + "/market-feedback")
                .then().statusCode(200).body("category", equalTo("PRICING")).body("note", equalTo("roaming fees again"));
        as(agent).body("{\"category\":\"PRODUCT\"}").when().post("/api/messages/" + id + "/market-feedback")
                .then().statusCode(200).body("category", equalTo("PRODUCT")).body("note", nullValue());
        assertEquals(1, flags(id), "one flag per message, however often it is flagged");
        as(agent).when().get("/api/messages/" + id + "/market-feedback").then().statusCode(200).body("category", equalTo("PRODUCT"));

        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "?period=day")
                .then().statusCode(200)
                .body("marketFeedback.available", equalTo(true))
                .body("marketFeedback.items.find { it.messageId == " + id + " }.category", equalTo("PRODUCT"))
                .body("marketFeedback.items.find { it.messageId == " + id + " }.text", containsString(run))
                .body("marketFeedback.byCategory.find { it.category == 'PRODUCT' }.count", greaterThanOrEqualTo(1))
                .body("marketFeedback.total", greaterThanOrEqualTo(1));
        as(manager).when().get("/api/insights/" + TestWorld.AIR + "?period=day")
                .then().statusCode(200).body("marketFeedback.items.messageId", not(hasItem((int) id)));
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "/flagged.json?period=day")
                .then().statusCode(200)
                .body("find { it.messageId == " + id + " }.reason", equalTo("MARKET_FEEDBACK"))
                .body("find { it.messageId == " + id + " }.category", equalTo("PRODUCT"));
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "/flagged.csv?period=day")
                .then().statusCode(200).body(allOf(containsString(id + ",MARKET_FEEDBACK,"), containsString(",product,")));

        // Counted by when the customer wrote: ten days ago is in the month, not in the week.
        InboundMessage old = new InboundMessage(TestWorld.MOBILE, Network.X, world.nextId(), MessageKind.MENTION,
                world.customer("Old Complaint"), null, "@SignetTestMobile old news " + run, null,
                Instant.now().minus(Duration.ofDays(10)), false);
        intake.receive(old);
        long oldId = scores.messageId(old);
        as(agent).body("{\"category\":\"policy\"}").when().post("/api/messages/" + oldId + "/market-feedback")
                .then().statusCode(200);
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "?period=week")
                .then().body("marketFeedback.items.messageId", allOf(hasItem((int) id), not(hasItem((int) oldId))));
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "?period=month")
                .then().body("marketFeedback.items.messageId", hasItem((int) oldId));

        as(agent).when().delete("/api/messages/" + id + "/market-feedback").then().statusCode(204);
        as(agent).when().delete("/api/messages/" + id + "/market-feedback").then().statusCode(204);
        as(agent).when().get("/api/messages/" + id + "/market-feedback").then().statusCode(204);
        assertEquals(0, flags(id));
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "?period=day")
                .then().body("marketFeedback.items.messageId", not(hasItem((int) id)));
        as(manager).when().get("/api/insights/" + TestWorld.MOBILE + "/flagged.json?period=day")
                .then().body("messageId", not(hasItem((int) id)));
    }

    @Test
    void onlyAgentsAndLeadsFlagCustomersMessagesWithAKnownCategory() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Policy Critic"),
                "@SignetTestAir your pet policy is absurd", null);
        intake.receive(mention);
        long id = scores.messageId(mention);

        for (String role : new String[] { Role.BRAND_MANAGER, Role.ADMIN }) {
            TestWorld.Login other = world.user(role);
            as(other).body("{\"category\":\"policy\"}").when().post("/api/messages/" + id + "/market-feedback")
                    .then().statusCode(403);
        }
        as(lead).body("{\"category\":\"policy\",\"note\":\"pets in cabin\"}").when().post("/api/messages/" + id + "/market-feedback")
                .then().statusCode(200);

        as(agent).body("{\"category\":\"shipping\"}").when().post("/api/messages/" + id + "/market-feedback")
                .then().statusCode(400).body("type", equalTo("/problems/unknown-feedback-category"))
                .body("detail", containsString("product, policy, pricing, other"));
        as(agent).body("{}").when().post("/api/messages/" + id + "/market-feedback").then().statusCode(400);
        as(agent).body("{\"category\":\"other\",\"note\":\"" + "n".repeat(281) + "\"}")
                .when().post("/api/messages/" + id + "/market-feedback")
                .then().statusCode(400).body("type", equalTo("/problems/feedback-note-too-long"));
        as(agent).when().get("/api/messages/" + id + "/market-feedback")
                .then().body("category", equalTo("POLICY")).body("note", equalTo("pets in cabin"));

        long reply = agentMessage(scores.conversationId(id), agent.username());
        as(agent).body("{\"category\":\"product\"}").when().post("/api/messages/" + reply + "/market-feedback")
                .then().statusCode(422).body("type", equalTo("/problems/not-a-customer-message"));
        as(agent).body("{\"category\":\"product\"}").when().post("/api/messages/999999999/market-feedback")
                .then().statusCode(404).body("type", equalTo("/problems/message-not-found"));
        as(agent).when().delete("/api/messages/999999999/market-feedback").then().statusCode(404);
        assertEquals(0, flags(reply));
    }

    @Test
    void theConversationPageFlagsInOneClickAndTheInsightsPageShowsItWithoutNames() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Page Flagger"),
                "@SignetTestAir <i>seats</i> too narrow " + run, null);
        intake.receive(mention);
        long id = scores.messageId(mention);
        long conversation = scores.conversationId(id);

        Response page = given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/conversations/" + conversation);
        page.then().statusCode(200)
                .body(containsString("hx-post=\"/conversations/" + conversation + "/messages/" + id + "/market-feedback\""));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).header("HX-Request", "true")
                .formParam(Csrf.FIELD, Csrf.token(page)).formParam("category", "PRODUCT").formParam("note", "<b>seat width</b>")
                .when().post("/conversations/" + conversation + "/messages/" + id + "/market-feedback")
                .then().statusCode(200)
                .body(allOf(containsString("market feedback: product"), containsString("&lt;b&gt;seat width&lt;/b&gt;"),
                        containsString("unflag"), not(containsString("<html"))));
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/conversations/" + conversation)
                .then().body(containsString("market feedback: product"));

        String insights = given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR + "&period=day").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(insights.contains("&lt;i&gt;seats&lt;/i&gt; too narrow " + run), "escaped text");
        org.junit.jupiter.api.Assertions.assertTrue(insights.contains("seat width"), "the note");
        org.junit.jupiter.api.Assertions.assertFalse(insights.contains(agent.username()), "no reporter named");

        given().auth().preemptive().basic(agent.username(), agent.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).header("HX-Request", "true")
                .formParam(Csrf.FIELD, Csrf.token(page))
                .when().post("/conversations/" + conversation + "/messages/" + id + "/market-feedback/remove")
                .then().statusCode(200).body(allOf(containsString("Market feedback:"), not(containsString("unflag"))));
        given().auth().preemptive().basic(agent.username(), agent.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page)).formParam("category", "other")
                .when().post("/conversations/" + conversation + "/messages/" + id + "/market-feedback")
                .then().statusCode(303).header("Location", containsString("#message-" + id));
        assertEquals(1, flags(id));
    }

    private RequestSpecification as(TestWorld.Login user) {
        return given().auth().preemptive().basic(user.username(), user.password()).contentType(ContentType.JSON);
    }

    private long flags(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(f) from FlaggedMessage f where f.messageId = :id and f.reason = :r", Long.class)
                .setParameter("id", messageId).setParameter("r", FlagReason.MARKET_FEEDBACK).getSingleResult());
    }

    private long agentMessage(long conversationId, String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser agent = em.createQuery("select u from AppUser u where u.username = :u", AppUser.class)
                    .setParameter("u", username).getSingleResult();
            Message message = Message.fromAgent(em.find(Conversation.class, conversationId), agent, "We hear you ^QQ", null,
                    Instant.now());
            em.persist(message);
            em.flush();
            return message.id();
        });
    }
}
