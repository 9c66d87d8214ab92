package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signet.testsupport.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The sandbox's load generator posts mentions at the asked rate, one run at a time, and refuses bad input. */
@QuarkusTest
class SandboxLoadResourceTest {

    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;

    @Test
    void aRunPostsTheAskedNumberOfMentionsAndOnlyOneRunsAtATime() throws InterruptedException {
        world.sandboxBrands(sandbox);
        int before = sandbox.user("load_0").isPresent() ? sandbox.tweetsBy("load_0").size() : 0;

        given().contentType(ContentType.JSON)
                .body("{\"brand\":\"SignetTestMobile\",\"customers\":3,\"perSecond\":20,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(202).body("target", equalTo(20));
        given().contentType(ContentType.JSON)
                .body("{\"brand\":\"SignetTestMobile\",\"customers\":3,\"perSecond\":20,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(409).contentType("application/problem+json");

        long deadline = System.currentTimeMillis() + 15_000;
        while (given().when().get("/sandbox/api/load").then().extract().<Boolean>path("running")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        given().when().get("/sandbox/api/load").then().statusCode(200)
                .body("running", equalTo(false)).body("posted", equalTo(20));
        // 20 mentions by 3 customers in turn: load_0 wrote 7 of them.
        assertEquals(before + 7, sandbox.tweetsBy("load_0").size());
        assertTrue(sandbox.tweetsBy("load_0").get(0).mentionedHandles().contains("SignetTestMobile"));
    }

    @Test
    void badLoadsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"brand\":\"SignetTestMobile\",\"customers\":0,\"perSecond\":5,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"brand\":\"SignetTestMobile\",\"customers\":1,\"perSecond\":5000,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"brand\":\"nobody_here\",\"customers\":1,\"perSecond\":5,\"seconds\":1}")
                .when().post("/sandbox/api/load")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
