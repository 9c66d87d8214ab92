package dev.signet.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Bean Validation on request records: a missing, blank, too long or wrongly typed field is answered by the one problem
 * mapper as a 400 problem+json with the problem's slug and title and the failing fields in {@code errors}; nothing is
 * stored.
 */
@QuarkusTest
class RequestValidationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestWorld world;

    private RequestSpecification as(TestWorld.Login login) {
        return given().auth().preemptive().basic(login.username(), login.password()).contentType(ContentType.JSON);
    }

    @Test
    void aMissingFieldIsNamed() {
        as(world.user(Role.ADMIN)).body("{\"password\":\"pw\",\"displayName\":\"No Name\",\"role\":\"agent\"}")
                .when().post("/api/users")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-user")).body("title", equalTo("Invalid user"))
                .body("detail", containsString("username, password, displayName"))
                .body("errors.field", equalTo(List.of("username")));
    }

    @Test
    void blankFieldsAreNamedEachOnce() {
        String name = "blank" + System.nanoTime();
        as(world.user(Role.ADMIN)).body("{\"username\":\"" + name + "\",\"password\":\" \",\"displayName\":\"\","
                + "\"role\":\"pilot\"}")
                .when().post("/api/users")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-user"))
                .body("errors.field", hasItems("password", "displayName", "role"))
                .body("errors.field", not(hasItem("username")));
        // Nothing was stored: the same name can be taken by a valid request.
        as(world.user(Role.ADMIN)).body("{\"username\":\"" + name + "\",\"password\":\"pw\",\"displayName\":\"Ok\","
                + "\"role\":\"agent\"}")
                .when().post("/api/users").then().statusCode(201);
    }

    @Test
    void aMissingBodyIsTheSameProblem() {
        as(world.user(Role.ADMIN)).when().post("/api/users")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-user"));
        as(world.agent()).when().post("/api/me/presence")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/presence-status-required"))
                .body("title", equalTo("ON_SHIFT or AWAY"));
    }

    @Test
    void anUnknownValueIsRefusedWithTheProblemsOwnDetail() {
        as(world.agent()).body("{\"status\":\"ASLEEP\"}").when().post("/api/me/presence")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/presence-status-required"))
                .body("detail", equalTo("Send {\"status\":\"ON_SHIFT\"} or {\"status\":\"AWAY\"}."))
                .body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void aStatusChangeWithoutStatusNamesTheField() {
        as(world.agent()).body("{\"updateText\":\"soon\"}").when().post("/api/conversations/1/status")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/status-required")).body("title", equalTo("Status required"))
                .body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void aWrongTypeIsNamed() {
        as(world.agent()).body("{\"status\":[\"ON_SHIFT\"]}").when().post("/api/me/presence")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("status")));
        as(world.agent()).body("{\"status\":\"BANANA\"}").when().post("/api/conversations/1/status")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void tooLongIsNamedByTheGenericProblem() {
        as(world.agent()).body("{\"text\":\"hello\",\"inReplyTo\":\"" + "9".repeat(300) + "\"}")
                .when().post("/api/conversations/1/replies")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", hasItem("inReplyTo"));
    }
}
