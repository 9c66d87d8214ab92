package dev.signet.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.testsupport.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The first admin of a fresh install on local passwords: made once with the one-time token, refused with a wrong
 * token or bad input (nothing stored), then the token is dead; the admin must change the password before anything
 * else, and the old one stops working.
 */
@QuarkusTest
@TestProfile(BootstrapProfile.class)
class BootstrapTest {

    @Inject
    AppUserService users;

    @Test
    void theTokenMakesTheFirstAdminOnceWhoMustThenChangeThePassword() {
        String password = "first-admin-password-1";
        given().when().get("/login").then().statusCode(200).body(containsString("href=\"/bootstrap\""));
        Response form = given().when().get("/bootstrap");
        form.then().statusCode(200).body(containsString("name=\"token\""));

        post(form, "wrong-token-wrong-token-wrong", "root", password, password).then().statusCode(403)
                .body(containsString("Wrong bootstrap token"));
        post(form, BootstrapProfile.TOKEN, "root", "short", "short").then().statusCode(400)
                .body(containsString("at least 12 characters"));
        post(form, BootstrapProfile.TOKEN, "root", password, password + "x").then().statusCode(400);
        post(form, BootstrapProfile.TOKEN, " ", password, password).then().statusCode(400);
        assertTrue(users.findByUsername("root").isEmpty(), "refused attempts store nothing");

        post(form, BootstrapProfile.TOKEN, "root", password, password).then().statusCode(303)
                .header("Location", endsWith("/login"));
        // The token is dead now.
        post(form, BootstrapProfile.TOKEN, "root2", password, password).then().statusCode(410)
                .body(containsString("no longer works"));
        given().when().get("/login").then().statusCode(200).body(not(containsString("href=\"/bootstrap\"")));
        assertTrue(users.findByUsername("root2").isEmpty());

        // First login: nothing but the password change.
        given().auth().preemptive().basic("root", password).when().get("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/password-change-required"));
        given().auth().preemptive().basic("root", password).redirects().follow(false).when().get("/queue")
                .then().statusCode(303).header("Location", endsWith("/account/password"));
        Response change = given().auth().preemptive().basic("root", password).when().get("/account/password");
        change.then().statusCode(200).body(containsString("Choose a new password"));
        String replacement = "a-better-password-2";
        asRoot(password, change).formParam("current", password).formParam("password", password)
                .formParam("repeat", password).when().post("/account/password").then().statusCode(400);
        asRoot(password, change).formParam("current", password).formParam("password", replacement)
                .formParam("repeat", replacement).when().post("/account/password").then().statusCode(303);

        given().auth().preemptive().basic("root", replacement).when().get("/api/conversations").then().statusCode(200);
        given().auth().preemptive().basic("root", password).when().get("/api/conversations").then().statusCode(401);
    }

    private static Response post(Response form, String token, String username, String password, String repeat) {
        return given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .cookie(Csrf.COOKIE, form.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(form))
                .formParam("token", token).formParam("username", username).formParam("displayName", "Root Admin")
                .formParam("password", password).formParam("repeat", repeat)
                .when().post("/bootstrap");
    }

    private static RequestSpecification asRoot(String password, Response page) {
        return given().auth().preemptive().basic("root", password).redirects().follow(false).accept("text/html")
                .cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParam(Csrf.FIELD, Csrf.token(page));
    }
}
