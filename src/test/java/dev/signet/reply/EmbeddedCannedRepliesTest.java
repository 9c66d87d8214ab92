package dev.signet.reply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Canned replies and market feedback on the embedded default's database (H2 in PostgreSQL mode) with the demo data
 * seeded: the migrations, the library's search and rendering, and the flag reaching the insights.
 */
@QuarkusTest
@TestProfile(EmbeddedCannedRepliesTest.DemoOnH2.class)
class EmbeddedCannedRepliesTest {

    /** H2 in PostgreSQL mode, with the demo users, CRM list and canned replies. */
    public static class DemoOnH2 extends EmbeddedH2Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:signet-canned;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            config.put("signet.demo.seed", "true");
            return config;
        }
    }

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void theDemoLibraryIsSearchedAndFilledAndFlagsReachTheInsightsOnH2() {
        TestWorld.Login agent = world.agent();
        // The demo brands' own entries need their accounts; the shared ones are seeded whatever the accounts.
        given().auth().preemptive().basic("lena", "signet").when().get("/api/canned-replies")
                .then().statusCode(200).body("title", hasItems("Move to DM", "Thanks, glad we could help"))
                .body("createdBy", hasItem("lena"));
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Ines Vidal"), "@SignetTestAir my flight 100%_late", null);
        intake.receive(mention);
        long message = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        long conversation = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.id = :id", Long.class).setParameter("id", message).getSingleResult());
        List<Map<String, Object>> found = given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("q", "move to").when().get("/api/conversations/" + conversation + "/canned-replies")
                .then().statusCode(200).extract().jsonPath().getList("$");
        org.junit.jupiter.api.Assertions.assertEquals(1, found.size(), found.toString());
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/conversations/" + conversation + "/canned-replies/" + found.get(0).get("cannedReplyId") + "/render")
                .then().statusCode(200).body("text", equalTo("Hi Ines, sorry to hear that! Please send us a DM with your"
                        + " booking or account number so we can look into it right away."));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .queryParam("q", "100%_").when().get("/api/canned-replies").then().statusCode(200).body("size()", equalTo(0));

        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"category\":\"pricing\"}").when().post("/api/messages/" + message + "/market-feedback")
                .then().statusCode(200);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=day")
                .then().statusCode(200)
                .body("marketFeedback.items.messageId", hasItem((int) message))
                .body("marketFeedback.byCategory.find { it.category == 'PRICING' }.count", equalTo(1));
    }
}
