package dev.signet.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.Author;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Link my CRM to X": a CRM upsert or CSV import naming the X user id of someone who has already written links
 * that identity, and the audit row points at the real customer (once it pointed at customer 0 and the whole
 * import failed with a foreign-key violation).
 */
@QuarkusTest
class CrmLinkAfterWritingTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void anUpsertNamingTheUserIdOfSomeoneWhoWroteLinksThemAndAuditsTheRealCustomer() {
        Author writer = world.customer("Early Writer");
        intake.receive(world.mention(TestWorld.AIR, writer, "@SignetTestAir my bag is lost", null));
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"name\":\"Early Writer\",\"loyaltyTier\":\"gold\",\"xUserId\":\"" + writer.userId() + "\"}")
                .when().put("/api/customers/crm/" + run + "-1")
                .then().statusCode(200).body("applied", equalTo(true)).body("linked", equalTo(1));
        assertLinkedAndAudited(writer.userId(), run + "-1");
    }

    @Test
    void aCsvImportNamingTheUserIdOfSomeoneWhoWroteLinksThem() {
        Author writer = world.customer("Csv Writer");
        intake.receive(world.mention(TestWorld.MOBILE, writer, "@SignetTestMobile no signal", null));
        TestWorld.Login admin = world.user(Role.ADMIN);
        String csv = "crm_id,name,loyalty_tier,x_user_id\n" + run + "-2,Csv Writer,silver," + writer.userId() + "\n";
        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("text/csv").body(csv)
                .when().post("/api/customers/import")
                .then().statusCode(200).body("created", equalTo(1)).body("linked", equalTo(1));
        assertLinkedAndAudited(writer.userId(), run + "-2");
    }

    private void assertLinkedAndAudited(String userId, String crmId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Long customer = (Long) em.createQuery("select c.id from Customer c where c.crmId = :crm")
                    .setParameter("crm", crmId).getSingleResult();
            Long linked = (Long) em.createQuery("select i.customer.id from SocialIdentity i where i.externalUserId = :u")
                    .setParameter("u", userId).getSingleResult();
            assertEquals(customer, linked, "the identity that wrote is linked to the CRM's customer");
            @SuppressWarnings("unchecked")
            List<Object[]> audits = em.createNativeQuery(
                    "select target_id, action from audit_entry where target_type = 'customer' and detail like ?1")
                    .setParameter(1, "%\"identityId\":" + em.createNativeQuery(
                            "select id from social_identity where external_user_id = ?1").setParameter(1, userId)
                            .getSingleResult() + ",%")
                    .getResultList();
            assertEquals(1, audits.size(), "one LINKED row");
            assertEquals(String.valueOf(customer), audits.get(0)[0], "the audit names the real customer");
            assertEquals("LINKED", audits.get(0)[1]);
        });
    }
}
