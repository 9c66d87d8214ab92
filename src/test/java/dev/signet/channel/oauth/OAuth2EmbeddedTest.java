package dev.signet.channel.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The OAuth 2.0 tables and queries on the embedded default's H2: connect, sealed storage, a locked refresh. */
@QuarkusTest
@TestProfile(EmbeddedH2Profile.class)
class OAuth2EmbeddedTest {

    @Inject
    TestWorld world;
    @Inject
    OAuth2Service oauth;
    @Inject
    EntityManager em;

    @Test
    void connectAndRefreshOnH2() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        Response page = given().auth().preemptive().basic(admin.username(), admin.password()).get("/admin");
        Response start = given().auth().preemptive().basic(admin.username(), admin.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .post("/admin/accounts/" + TestWorld.MOBILE_V2 + "/oauth2/connect");
        start.then().statusCode(303);
        given().urlEncodingEnabled(false).accept("text/html")
                .cookie("signet_oauth2_binding", start.getCookie("signet_oauth2_binding")).redirects().follow(true)
                .get(start.getHeader("Location")).then().statusCode(200).body(containsString("is connected"));
        String before = oauth.accessToken(TestWorld.MOBILE_V2).orElseThrow();
        String column = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select access_token from oauth_grant where account_key = ?1").setParameter(1, TestWorld.MOBILE_V2)
                .getSingleResult());
        assertTrue(column.startsWith("v1.") && !column.contains(before));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update oauth_grant set expires_at = ?1 where account_key = ?2")
                .setParameter(1, Instant.now().plusSeconds(30)).setParameter(2, TestWorld.MOBILE_V2).executeUpdate());
        assertEquals(1, oauth.refreshDue());
        assertNotEquals(before, oauth.accessToken(TestWorld.MOBILE_V2).orElseThrow());
    }
}
