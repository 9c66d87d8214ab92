package dev.signet.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import dev.signet.testsupport.Csrf;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

/** Policies through the API: leads and admins change them, every change is audited, bad input is a clear problem. */
@QuarkusTest
class SlaPolicyApiTest {

    @Inject
    TestWorld world;
    @Inject
    SlaTestPolicies testPolicies;

    @AfterEach
    void noPoliciesLeft() {
        testPolicies.deleteAll();
    }

    static Map<String, Object> policy(String account) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountKey", account);
        body.put("firstResponseMinutes", 15);
        body.put("nextResponseMinutes", 30);
        body.put("resolutionMinutes", 480);
        body.put("alwaysOpen", false);
        body.put("hours", "MON-FRI 09:00-17:00, SAT 10:00-14:00");
        body.put("holidays", "2026-12-25, 2026-12-24");
        return body;
    }

    @Test
    void aLeadCreatesAndChangesAPolicyAndEachChangeIsAudited() {
        TestWorld.Login lead = world.user(Role.LEAD);
        long id = as(lead).contentType(ContentType.JSON).body(policy(TestWorld.AIR)).post("/api/sla/policies")
                .then().statusCode(200)
                .body("accountKey", equalTo(TestWorld.AIR)).body("tier", nullValue()).body("channel", nullValue())
                .body("targets.firstResponseMinutes", equalTo(15))
                .body("holidays", equalTo("2026-12-24,2026-12-25"))
                .body("updatedBy", equalTo(lead.username()))
                .extract().jsonPath().getLong("id");

        Map<String, Object> changed = policy(TestWorld.AIR);
        changed.put("firstResponseMinutes", 20);
        changed.put("alwaysOpen", true);
        // The same scope again changes the policy, it adds none.
        as(lead).contentType(ContentType.JSON).body(changed).post("/api/sla/policies").then().statusCode(200)
                .body("id", equalTo((int) id)).body("targets.firstResponseMinutes", equalTo(20))
                .body("alwaysOpen", equalTo(true)).body("hours", nullValue());
        as(lead).get("/api/sla/policies?account=" + TestWorld.AIR).then().statusCode(200).body("size()", equalTo(1));

        as(lead).get("/api/sla/policies/changes").then().statusCode(200)
                .body("[0].action", equalTo("UPDATED")).body("[0].actor", equalTo(lead.username()))
                .body("[0].before", containsString("\"firstResponseMinutes\":15"))
                .body("[0].after", containsString("\"firstResponseMinutes\":20"))
                .body("[1].action", equalTo("CREATED")).body("[1].before", nullValue())
                .body("[1].after", notNullValue());

        as(lead).delete("/api/sla/policies/" + id).then().statusCode(204);
        as(lead).get("/api/sla/policies/changes").then().body("[0].action", equalTo("DELETED"))
                .body("[0].after", nullValue());
        as(lead).get("/api/sla/policies/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/sla-policy-not-found"));
    }

    @Test
    void badPoliciesAreRefusedWithTheirReasonAndNothingIsStored() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        refused(admin, Map.of("accountKey", "nope"), "is not a brand account");
        refused(admin, with("tier", "diamond"), "is not a loyalty tier");
        refused(admin, with("channel", "email"), "must be PUBLIC, DM");
        refused(admin, with("firstResponseMinutes", 0), "firstResponseMinutes must be between 1");
        refused(admin, with("nextResponseMinutes", null), "nextResponseMinutes is required");
        refused(admin, with("firstResponseMinutes", 600), "can't be longer than the resolution target");
        refused(admin, with("hours", "weekdays 9 to 5"), "is not DAYS HH:MM-HH:MM");
        refused(admin, with("hours", "WEEKDAYS 09:00-17:00"), "is not a day");
        refused(admin, with("hours", "MON 09:00-12:00, MON 11:00-14:00"), "overlap");
        refused(admin, with("holidays", "christmas"), "is not a date");
        as(admin).contentType(ContentType.JSON).body("null").post("/api/sla/policies").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-sla-policy"));
        as(admin).get("/api/sla/policies").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(0, testPolicies.changes(), "nothing audited either");
    }

    @Test
    void agentsReadPoliciesButOnlyLeadsAndAdminsChangeThem() {
        TestWorld.Login agent = world.agent();
        as(agent).contentType(ContentType.JSON).body(policy(TestWorld.AIR)).post("/api/sla/policies").then()
                .statusCode(403);
        as(agent).get("/api/sla/policies").then().statusCode(200);
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        as(manager).contentType(ContentType.JSON).body(policy(TestWorld.AIR)).post("/api/sla/policies").then()
                .statusCode(403);
    }

    @Test
    void thePageSavesAPolicyAndShowsARefusedOneWithItsReason() {
        TestWorld.Login lead = world.user(Role.LEAD);
        Response page = as(lead).get("/admin/sla");
        page.then().statusCode(200).body(containsString("No policies yet"));
        form(lead, page, "accountKey", TestWorld.MOBILE, "tier", "GOLD", "channel", "DM", "firstResponseMinutes", "5",
                "nextResponseMinutes", "10", "resolutionMinutes", "120", "alwaysOpen", "true")
                .then().statusCode(303);
        as(lead).get("/admin/sla").then().statusCode(200)
                .body(containsString("gold, DM")).body(containsString("created</strong> " + TestWorld.MOBILE + "|GOLD|DM"));
        form(lead, page, "accountKey", TestWorld.MOBILE, "firstResponseMinutes", "soon", "nextResponseMinutes", "10",
                "resolutionMinutes", "120").then().statusCode(400).body(containsString("whole numbers of minutes"));
        form(lead, page, "accountKey", TestWorld.MOBILE, "firstResponseMinutes", "5", "nextResponseMinutes", "10",
                "resolutionMinutes", "120", "hours", "<script>alert(1)</script> 09:00-17:00")
                .then().statusCode(400)
                .body(containsString("is not a day"))
                .body(org.hamcrest.Matchers.not(containsString("<script>alert(1)</script>")));
        as(world.agent()).get("/admin/sla").then().statusCode(403);
    }

    private static Response form(TestWorld.Login login, Response page, String... fields) {
        RequestSpecification request = given().auth().preemptive().basic(login.username(), login.password())
                .redirects().follow(false).cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE))
                .formParam(Csrf.FIELD, Csrf.token(page));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post("/admin/sla");
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = policy(TestWorld.AIR);
        body.put(key, value);
        return body;
    }

    private void refused(TestWorld.Login login, Map<String, Object> body, String detail) {
        as(login).contentType(ContentType.JSON).body(body).post("/api/sla/policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-sla-policy"))
                .body("detail", containsString(detail));
    }

    static RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).when();
    }
}
