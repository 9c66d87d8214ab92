package dev.signet.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** "Link my CRM to X" on the embedded default's database (H2): someone who wrote, then named by a CRM upsert. */
@QuarkusTest
@TestProfile(EmbeddedCrmLinkTest.CrmOnH2.class)
class EmbeddedCrmLinkTest {

    /** H2 in PostgreSQL mode, a database of its own. */
    public static class CrmOnH2 extends EmbeddedH2Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:signet-crm-link;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            return config;
        }
    }

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void anUpsertNamingSomeoneWhoWroteLinksThemOnH2() {
        Author writer = world.customer("H2 Writer");
        intake.receive(world.mention(TestWorld.AIR, writer, "@SignetTestAir still waiting", null));
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("[{\"crmId\":\"" + run + "-h2\",\"name\":\"H2 Writer\",\"xUserId\":\"" + writer.userId() + "\"}]")
                .when().post("/api/customers/batch")
                .then().statusCode(200).body("applied", equalTo(true)).body("linked", equalTo(1));
        QuarkusTransaction.requiringNew().run(() -> {
            Long customer = (Long) em.createQuery("select c.id from Customer c where c.crmId = :crm")
                    .setParameter("crm", run + "-h2").getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> audits = em.createNativeQuery(
                    "select target_id, action from audit_entry where target_type = 'customer' and detail like ?1")
                    .setParameter(1, "%\"identityId\":" + em.createNativeQuery(
                            "select id from social_identity where external_user_id = ?1").setParameter(1, writer.userId())
                            .getSingleResult() + ",%")
                    .getResultList();
            assertEquals(1, audits.size());
            assertEquals(String.valueOf(customer), audits.get(0)[0]);
            assertEquals("LINKED", audits.get(0)[1]);
        });
    }
}
