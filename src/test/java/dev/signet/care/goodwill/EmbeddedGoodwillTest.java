package dev.signet.care.goodwill;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.customer.CrmImportService;
import dev.signet.customer.CrmRecord;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Goodwill on the embedded default's database (H2 in PostgreSQL mode): the migration, the agent's row lock, the
 * ledger's aggregate and the customer timeline's GOODWILL branch (string concatenation, numeric cast) run there too.
 */
@QuarkusTest
@TestProfile(EmbeddedGoodwillTest.GoodwillOnH2.class)
class EmbeddedGoodwillTest {

    /** H2 in PostgreSQL mode, a database of its own. */
    public static class GoodwillOnH2 extends EmbeddedH2Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:signet-goodwill;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            return config;
        }
    }

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    CrmImportService crm;
    @Inject
    EntityManager em;

    @Test
    void grantedAndApprovedGesturesShowInTheLedgersAndOnTheTimelineOnH2() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login admin = world.user(Role.ADMIN);
        Author author = world.customer("H2 Hana");
        String crmId = "GWH2-" + System.nanoTime();
        assertTrue(crm.upsert(List.of(new CrmRecord(crmId, "H2 Hana", null, null, null, null, author.userId(),
                author.handle(), null)), "test").applied());
        InboundMessage mention = world.mention(TestWorld.AIR, author, "@SignetTestAir lost bag", null);
        intake.receive(mention);
        long conversation = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        long customer = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Customer c where c.crmId = :c", Long.class).setParameter("c", crmId).getSingleResult());

        record(agent, conversation, "50.00", "exactly the allowance").then().statusCode(201);
        long pending = record(agent, conversation, "12.50", "one more").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("application/json").body("{}")
                .when().post("/api/goodwill/" + pending + "/approve").then().statusCode(200);

        given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/api/goodwill/team")
                .then().statusCode(200)
                .body("agents.find { it.username == '" + agent.username() + "' }.grantedText", equalTo("€50.00"))
                .body("agents.find { it.username == '" + agent.username() + "' }.approvedText", equalTo("€12.50"));
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/" + customer + "/timeline").then().statusCode(200)
                .body("entries.findAll { it.type == 'GOODWILL' }.text",
                        hasItem("€50.00 goodwill — exactly the allowance (granted within allowance)"))
                .body("entries.findAll { it.type == 'GOODWILL' }.text",
                        hasItem("€12.50 goodwill — one more (approved by Test admin " + admin.username().split("-")[1] + ")"));
    }

    private io.restassured.response.Response record(TestWorld.Login user, long conversation, String amount, String reason) {
        return given().auth().preemptive().basic(user.username(), user.password()).contentType("application/json")
                .body("{\"conversationId\":" + conversation + ",\"amount\":" + amount + ",\"reason\":\"" + reason + "\"}")
                .when().post("/api/goodwill");
    }
}
