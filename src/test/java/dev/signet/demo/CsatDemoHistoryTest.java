package dev.signet.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.reply.CsatAsker;
import dev.signet.security.AppUser;
import dev.signet.security.AppUserService;
import dev.signet.security.Role;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The embedded demo's CSAT history, on the embedded default's database (H2 in PostgreSQL mode): it fills the
 * insights' CSAT section, and CSAT's own SQL (the due-survey lock, the figures) runs on H2.
 */
@QuarkusTest
@TestProfile(EmbeddedH2Profile.class)
class CsatDemoHistoryTest {

    @Inject
    CsatDemoHistory demo;
    @Inject
    TestWorld world;
    @Inject
    AppUserService users;
    @Inject
    CsatAsker asker;

    @Test
    void theDemoHistoryFillsTheCsatSectionOnce() {
        TestWorld.Login agent = world.agent();
        AppUser maria = users.findByUsername(agent.username()).orElseThrow();
        assertEquals(CsatDemoHistory.CONVERSATIONS,
                QuarkusTransaction.requiringNew().call(() -> demo.seed(TestWorld.MOBILE_V2, maria, Instant.now())));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> demo.seed(TestWorld.MOBILE_V2, maria, Instant.now())),
                "seeded once");

        TestWorld.Login manager = world.user(Role.BRAND_MANAGER);
        // 30 resolutions: 6 skipped (asked recently, hand-off), 24 asked, 18 answered with a score.
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/api/insights/" + TestWorld.MOBILE_V2 + "?period=month")
                .then().statusCode(200)
                .body("csat.available", equalTo(true))
                .body("csat.asked", equalTo(24))
                .body("csat.answered", equalTo(18))
                .body("csat.scored", equalTo(18))
                .body("csat.responseRatePercent", equalTo(75))
                .body("csat.skippedTotal", equalTo(6));
        given().auth().preemptive().basic(manager.username(), manager.password())
                .when().get("/insights?account=" + TestWorld.MOBILE_V2 + "&period=month")
                .then().statusCode(200)
                .body(containsString("data-figure=\"csat-average\""))
                .body(containsString("18 answered of 24 asked"));

        assertTrue(asker.askDue(Instant.now()) >= 0, "the due-survey lock runs on H2");
    }
}
