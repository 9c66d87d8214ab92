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

    @Test
    void aLinkOrMergeWithoutTheOtherCustomerNamesTheField() {
        as(world.agent()).body("{\"reason\":\"same person\"}").when().post("/api/identities/1/link")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/missing-customer")).body("title", equalTo("Missing customer"))
                .body("errors.field", equalTo(List.of("customerId")));
        as(world.agent()).when().post("/api/identities/1/link")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/missing-customer"));
        as(world.agent()).body("{\"customerId\":\"ann\"}").when().post("/api/identities/1/link")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("customerId")));
        // A link's customerId does not stand in for a merge's source.
        as(world.user(Role.LEAD)).body("{\"customerId\":1,\"reason\":\"dupe\"}").when().post("/api/customers/1/merges")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/missing-customer")).body("title", equalTo("Missing customer"))
                .body("errors.field", equalTo(List.of("sourceCustomerId")));
        as(world.user(Role.LEAD)).when().post("/api/customers/1/merges")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/missing-customer"));
    }

    @Test
    void aGestureWithoutConversationNamesTheField() {
        as(world.agent()).body("{\"amount\":20.00,\"reason\":\"late flight\"}").when().post("/api/goodwill")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/goodwill-conversation-required"))
                .body("title", equalTo("Conversation required"))
                .body("detail", equalTo("Send {\"conversationId\":1,\"amount\":20.00,\"reason\":\"…\"}."))
                .body("errors.field", equalTo(List.of("conversationId")));
        as(world.agent()).when().post("/api/goodwill")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/goodwill-conversation-required"));
        as(world.agent()).body("{\"conversationId\":\"first\",\"amount\":20.00}").when().post("/api/goodwill")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("conversationId")));
    }

    @Test
    void aVersionMustBeANumberOfZeroOrMore() {
        as(world.user(Role.LEAD)).body("{\"number\":-1}").when().put("/api/sentiment/accounts/acme/active")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-version")).body("title", equalTo("Invalid version"))
                .body("errors.field", equalTo(List.of("number")));
        as(world.user(Role.LEAD)).body("{}").when().put("/api/sentiment/accounts/acme/active")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-version"))
                .body("errors.field", equalTo(List.of("number")));
        as(world.user(Role.LEAD)).when().put("/api/sentiment/accounts/acme/active")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-version"));
        as(world.user(Role.LEAD)).body("{\"number\":\"two\"}").when().put("/api/sentiment/accounts/acme/active")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("number")));
    }

    @Test
    void aUserChangeNamesARoleOrInitials() {
        String username = world.agent().username();
        as(world.user(Role.ADMIN)).body("{}").when().patch("/api/users/" + username)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-user-change")).body("title", equalTo("Invalid user change"))
                .body("detail", equalTo("Give a role, initials, or both."));
        as(world.user(Role.ADMIN)).body("{\"role\":\" \",\"initials\":\"\"}").when().patch("/api/users/" + username)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-user-change"));
        as(world.user(Role.ADMIN)).when().patch("/api/users/" + username)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-user-change"));
        as(world.user(Role.ADMIN)).body("{\"role\":[\"lead\"]}").when().patch("/api/users/" + username)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("role")));
    }

    @Test
    void aBatchWithoutRecordsIsRefused() {
        as(world.user(Role.LEAD)).when().post("/api/customers/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/records-required")).body("title", equalTo("Records required"))
                .body("detail", containsString("JSON array of CRM records"));
        as(world.user(Role.LEAD)).body("{\"crmId\":\"C-1\"}").when().post("/api/customers/batch")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void aSameMatterLinkNamesTheEarlierConversation() {
        as(world.agent()).body("{}").when().post("/api/conversations/1/same-matter")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/matter-required")).body("title", equalTo("Say which conversation"))
                .body("errors.field", equalTo(List.of("conversationId")));
        as(world.agent()).when().post("/api/conversations/1/same-matter")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/matter-required"));
        as(world.agent()).body("{\"conversationId\":\"the one before\"}")
                .when().post("/api/conversations/1/same-matter")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("conversationId")));
    }

    @Test
    void aSandboxFaultOrLoadOutOfBoundsIsNamed() {
        given().contentType(ContentType.JSON).body("{\"pathSuffix\":\" \",\"times\":0}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-fault")).body("title", equalTo("Invalid fault"))
                .body("errors.field", equalTo(List.of("pathSuffix", "times")));
        given().contentType(ContentType.JSON)
                .body("{\"pathSuffix\":\"/x-never-asked\",\"times\":1,\"status\":200,\"distortion\":\"no-reset\"}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-fault"))
                .body("errors.field", equalTo(List.of("distortionFitting", "statusNoneOrError")));
        given().contentType(ContentType.JSON).when().post("/sandbox/api/faults")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-fault"));
        given().contentType(ContentType.JSON).body("{\"pathSuffix\":\"/x-never-asked\",\"times\":\"once\"}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("errors.field", equalTo(List.of("times")));
        // Nothing was armed by the refused faults.
        given().when().get("/sandbox/api/faults").then().statusCode(200)
                .body("pathSuffix", not(hasItem("/x-never-asked")));

        given().contentType(ContentType.JSON).body("{\"customers\":1,\"perSecond\":5000,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-load")).body("title", equalTo("Invalid load"))
                .body("errors.field", equalTo(List.of("brand", "perSecond")));
        given().contentType(ContentType.JSON).when().post("/sandbox/api/load")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/invalid-load"));
    }
}
