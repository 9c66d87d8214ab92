package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SandboxApiResourceTest {

    @Inject
    TestWorld world;

    @Test
    void aCustomerMentionsABrandAndTheBrandsReplyShowsInTheCustomersView() {
        String brand = SandboxTestData.uniqueHandle("brand");
        String customer = SandboxTestData.uniqueHandle("cust");
        given().contentType(ContentType.JSON)
                .body(Map.of("handle", brand, "name", "Brand", "brand", true, "accessToken", "t-" + brand,
                        "accessTokenSecret", "s-" + brand))
                .post("/sandbox/api/users")
                .then().statusCode(200)
                .body("handle", equalTo(brand))
                .body("brand", equalTo(true))
                .body("id", instanceOf(String.class));
        given().contentType(ContentType.JSON)
                .body(Map.of("handle", customer, "name", "Zoë Çelik"))
                .post("/sandbox/api/users")
                .then().statusCode(200)
                .body("name", equalTo("Zoë Çelik"));

        String mentionId = given().contentType(ContentType.JSON)
                .body(Map.of("author", customer, "text", "@" + brand + " my phone has no signal"))
                .post("/sandbox/api/tweets")
                .then().statusCode(201)
                .body("authorHandle", equalTo(customer))
                .body("mentionedHandles", hasItem(brand))
                .extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("author", brand, "text", "Sorry about that, a mast is down ^MD", "inReplyToStatusId", mentionId))
                .post("/sandbox/api/tweets")
                .then().statusCode(201)
                .body("inReplyToStatusId", equalTo(mentionId))
                .body("inReplyToHandle", equalTo(customer))
                .body("text", startsWith("@" + customer + " "));
        given().contentType(ContentType.JSON)
                .body(Map.of("sender", customer, "recipient", brand, "text", "My account is 12-34"))
                .post("/sandbox/api/dms")
                .then().statusCode(201)
                .body("senderHandle", equalTo(customer))
                .body("recipientHandle", equalTo(brand));

        given().get("/sandbox/api/tweets?author=" + brand)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].text", containsString("^MD"));
        given().get("/sandbox/api/dms?user=" + brand)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].text", equalTo("My account is 12-34"));
        given().get("/sandbox/api/users/" + customer + "/view")
                .then().statusCode(200)
                .body("customer.handle", equalTo(customer))
                .body("items", hasSize(3))
                .body("items[0].kind", equalTo("DIRECT_MESSAGE"))
                .body("items[1].authorHandle", equalTo(brand))
                .body("items[1].byCustomer", equalTo(false))
                .body("items[2].id", equalTo(mentionId));
        given().get("/sandbox/api/users")
                .then().statusCode(200)
                .body("handle", hasItem(customer));
    }

    @Test
    void refusedContentIsAProblemWithXsErrorCode() {
        String customer = SandboxTestData.uniqueHandle("cust");
        given().contentType(ContentType.JSON).body(Map.of("handle", customer)).post("/sandbox/api/users")
                .then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("author", customer, "text", ""))
                .post("/sandbox/api/tweets")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("title", equalTo("Refused by X's rules"))
                .body("detail", equalTo("Missing required parameter: status."))
                .body("xErrorCode", equalTo(170))
                .body("type", startsWith("https://"));
        given().contentType(ContentType.JSON)
                .body(Map.of("author", customer, "text", "z".repeat(281)))
                .post("/sandbox/api/tweets")
                .then().statusCode(422)
                .body("xErrorCode", equalTo(186));
    }

    @Test
    void badInputIsAProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("author", "nobody_" + System.nanoTime() % 100000, "text", "hi"))
                .post("/sandbox/api/tweets")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("User not found."));
        given().contentType(ContentType.JSON)
                .body(Map.of("author", "x", "text", "hi", "inReplyToStatusId", "12ab"))
                .post("/sandbox/api/tweets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid input"));
        given().contentType(ContentType.JSON)
                .body(Map.of("handle", "not a handle!"))
                .post("/sandbox/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"author\": ")
                .post("/sandbox/api/tweets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().get("/sandbox/api/tweets")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/sandbox/api/users/nobody_here_1/view")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theJsonApiIsDocumentedInOpenApi() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password()).accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/sandbox/api/tweets"))
                .body(containsString("\"Sandbox\""));
    }
}
