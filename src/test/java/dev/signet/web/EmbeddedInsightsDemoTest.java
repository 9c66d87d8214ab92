package dev.signet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The embedded default's insights: on H2 (as the embedded default runs) with the demo history seeded, the
 * insights page shows charts' data, demo terms and an open spike alert on the first account; the resolution
 * and term queries run on H2.
 */
@QuarkusTest
@TestProfile(EmbeddedInsightsDemoTest.DemoHistoryOnH2.class)
class EmbeddedInsightsDemoTest {

    /** H2 in PostgreSQL mode, with the demo insight history. */
    public static class DemoHistoryOnH2 extends EmbeddedH2Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:signet-insights;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            config.put("signet.demo.insights-history", "true");
            return config;
        }
    }

    @Inject
    TestWorld world;

    @Test
    void theDemoHistoryShowsInChartsWithAnAlert() {
        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        // test-air is the first configured account in alphabetical order: it carries the demo spike.
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.AIR + "&period=week")
                .then().statusCode(200)
                .body(containsString("Demo data."))
                .body(containsString("Volume spike now"))
                .body(containsString("Negative-share spike now"))
                .body(containsString("#delayed"))
                .body(containsString("nothing resolved in this period"));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.AIR + "?period=month")
                .then().statusCode(200)
                .body("demoData", equalTo(true))
                .body("totals.messages", greaterThan(10_000))
                .body("alerts.kind", hasItem("VOLUME"))
                .body("alerts.kind", hasItem("NEGATIVE_SHARE"))
                .body("hashtags[0].term", equalTo("#delayed"))
                .body("resolution.resolved", equalTo(0));
    }
}
