package dev.signet.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** CRM import over the API and the admin page: reports, all-or-nothing, idempotence, limits, roles, export. */
@QuarkusTest
class CrmImportApiTest {

    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void aCleanFileIsImportedAndImportingItAgainChangesNothing() {
        TestWorld.Login lead = world.user(Role.LEAD);
        String csv = """
                crm_id,name,email,loyalty_tier,lifetime_value,tags,x_user_id,x_handle,notes
                %1$s-1,Ann Able,ann.%1$s@example.com,gold,1200.50,"vip; frequent",%2$s,,"Likes window seats,
                and aisle on long flights"
                %1$s-2,Ben Bold,,silver,,,,,
                """.formatted(run, world.nextId());
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import")
                .then().statusCode(200)
                .body("applied", equalTo(true)).body("rows", equalTo(2)).body("created", equalTo(2))
                .body("linked", equalTo(1));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("linked", equalTo(0))
                .body("unchanged", equalTo(2)).body("changed", equalTo(0));
        Object[] ann = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createQuery(
                "select c.notes, c.tags, c.lifetimeValue, c.loyaltyTier from Customer c where c.crmId = :id")
                .setParameter("id", run + "-1").getSingleResult());
        assertEquals("Likes window seats,\nand aisle on long flights", ann[0]);
        assertEquals("vip, frequent", ann[1]);
        assertEquals(0, new java.math.BigDecimal("1200.50").compareTo((java.math.BigDecimal) ann[2]));
        assertEquals(LoyaltyTier.parse("gold"), ann[3]);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndReportsLineColumnAndReason() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        String csv = """
                crm_id,name,loyalty_tier
                %1$s-1,Good One,gold
                %1$s-2,Good Two,
                %1$s-1,Duplicate,silver
                """.formatted(run);
        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("text/csv").body(csv)
                .when().post("/api/customers/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/crm-import-invalid"))
                .body("report.applied", equalTo(false))
                .body("report.errors[0].line", equalTo(4))
                .body("report.errors[0].column", equalTo("crm_id"))
                .body("report.errors[0].reason", containsString("Duplicate CRM id"));
        assertEquals(0L, countCustomers(run + "-%"), "all or nothing: the good rows were not imported");
    }

    @Test
    void missingColumnsWrongEncodingAndOversizedFilesAreRefusedClearly() {
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv")
                .body("crm_id,email\nX-1,a@b.cd\n")
                .when().post("/api/customers/import")
                .then().statusCode(422).body("report.errors.column", hasItem("name"));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv")
                .body(("crm_id,name\n" + run + "-9,Ren\u00e9e\n").getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/api/customers/import")
                .then().statusCode(415).body("type", equalTo("/problems/crm-not-utf8"))
                .body("detail", containsString("line 2"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("text/csv").body(big)
                .when().post("/api/customers/import")
                .then().statusCode(413).body("type", equalTo("/problems/crm-file-too-large"))
                .body("detail", containsString("10 MB"));
        assertEquals(0L, countCustomers(run + "-%"));
    }

    @Test
    void anAgentMayNotImportOrExport() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("text/csv")
                .body("crm_id,name\nX-1,A\n")
                .when().post("/api/customers/import")
                .then().statusCode(403);
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType("application/json")
                .body("[]").when().post("/api/customers/batch")
                .then().statusCode(403);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/customers/export")
                .then().statusCode(403);
    }

    @Test
    void upsertOneAndABatchAsJsonAndExportDefusesFormulas() {
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("{\"name\":\"=HYPERLINK(\\\"http://evil\\\")\",\"loyaltyTier\":\"platinum\",\"lifetimeValue\":10}")
                .when().put("/api/customers/crm/" + run + "-J1")
                .then().statusCode(200).body("created", equalTo(1));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("[{\"crmId\":\"" + run + "-J2\",\"name\":\"Two\"},{\"crmId\":\"" + run + "-J3\",\"name\":\"@Three\"}]")
                .when().post("/api/customers/batch")
                .then().statusCode(200).body("created", equalTo(2));
        given().auth().preemptive().basic(lead.username(), lead.password()).contentType("application/json")
                .body("[{\"crmId\":\"" + run + "-J4\",\"name\":\"Four\"},{\"crmId\":\"" + run + "-J5\"}]")
                .when().post("/api/customers/batch")
                .then().statusCode(422).body("report.errors[0].line", equalTo(2))
                .body("report.errors[0].column", equalTo("name"));
        assertEquals(0L, countCustomers(run + "-J4"));
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/customers/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString(run + "-J1,\"'=HYPERLINK(\"\"http://evil\"\")\",,platinum,10.00"))
                .body(containsString(run + "-J3,'@Three,"))
                .body(not(containsString(",=HYPERLINK")));
    }

    @Test
    void theAdminPageUploadsAFileWithItsCsrfTokenAndShowsTheReport() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        Response page = given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/admin/crm");
        page.then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""));
        String csv = "crm_id,name\n" + run + "-P1,<b>Page</b> Person\n" + run + "-P1,Dup\n";
        given().auth().preemptive().basic(admin.username(), admin.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .multiPart("csrf-token", Csrf.token(page))
                .multiPart("file", "crm.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/crm")
                .then().statusCode(422)
                .body(containsString("crm.csv was not imported"))
                .body(containsString("Duplicate CRM id"));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .multiPart("csrf-token", Csrf.token(page))
                .multiPart("file", "crm.csv", ("crm_id,name\n" + run + "-P2,Page Person\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/crm")
                .then().statusCode(200).body(containsString("1 created"));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .multiPart("file", "crm.csv", ("crm_id,name\n" + run + "-P3,No Token\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/crm")
                .then().statusCode(400);
        assertEquals(0L, countCustomers(run + "-P3"));
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/admin/crm").then().statusCode(403);
    }

    private long countCustomers(String crmIdPattern) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(c) from Customer c where c.crmId like :p", Long.class).setParameter("p", crmIdPattern)
                .getSingleResult());
    }
}
