package dev.signet.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.testsupport.Csrf;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Lockout of local passwords (defaults: 5 failures in a row lock the user for 15 minutes): per user, stored, shown to
 * admins on /users, cleared by a right password before the limit or by an admin's unlock; form login and HTTP Basic
 * alike.
 */
@QuarkusTest
class LoginLockoutTest {

    @Inject
    TestWorld world;
    @Inject
    AppUserService users;

    @Test
    void fiveWrongPasswordsLockTheUserUntilAnAdminUnlocks() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login bystander = world.agent();
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(agent.username(), "wrong-" + i).when().get("/api/conversations")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        // Locked: the right password is refused too, by HTTP Basic and by the login form; others are not affected.
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/api/conversations")
                .then().statusCode(401);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", agent.username()).formParam("j_password", agent.password())
                .when().post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/login?error=true"));
        given().auth().preemptive().basic(bystander.username(), bystander.password()).when().get("/api/conversations")
                .then().statusCode(200);
        assertNotNull(users.findByUsername(agent.username()).orElseThrow().lockedUntil(), "the lockout is stored");

        // An admin sees the lockout and lifts it.
        TestWorld.Login admin = world.user(Role.ADMIN);
        Response page = given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/users");
        page.then().statusCode(200).body(containsString("id=\"user-" + agent.username() + "\""))
                .body(containsString("/users/" + agent.username() + "/unlock"));
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/users").then().statusCode(401);
        given().auth().preemptive().basic(admin.username(), admin.password()).redirects().follow(false)
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .when().post("/users/" + agent.username() + "/unlock")
                .then().statusCode(303);
        assertNull(users.findByUsername(agent.username()).orElseThrow().lockedUntil());
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/api/conversations")
                .then().statusCode(200);
    }

    @Test
    void aRightPasswordBeforeTheLimitStartsTheCountAgain() {
        TestWorld.Login agent = world.agent();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                given().auth().preemptive().basic(agent.username(), "wrong").when().get("/api/conversations")
                        .then().statusCode(401);
            }
            given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/api/conversations")
                    .then().statusCode(200);
        }
        AppUser user = users.findByUsername(agent.username()).orElseThrow();
        assertNull(user.lockedUntil());
        org.junit.jupiter.api.Assertions.assertEquals(0, user.failedLogins());
    }

    @Test
    void onlyAdminsSeeTheUsersPageAndUnlockingAnUnknownUserIsA404() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password()).when().get("/users").then().statusCode(403);
        TestWorld.Login admin = world.user(Role.ADMIN);
        Response page = given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/users");
        given().auth().preemptive().basic(admin.username(), admin.password()).accept("text/html")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page))
                .when().post("/users/nobody-" + System.nanoTime() + "/unlock")
                .then().statusCode(404).body(containsString("There is no user nobody-"));
    }
}
