package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Arming the fault modes through the sandbox's JSON API: known ones are taken, unknown or misplaced ones refused. */
@QuarkusTest
class SandboxFaultModesResourceTest {

    @AfterEach
    void disarm() {
        given().delete("/sandbox/api/faults").then().statusCode(204);
    }

    @Test
    void aFaultWithoutDistortionIsArmed() {
        arm("{\"pathSuffix\":\"/2/tweets\",\"times\":1,\"status\":503}").statusCode(201).body("status", equalTo(503));
    }

    @Test
    void theNewModesAreArmed() {
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"distortion\":\"sparse\"}").statusCode(201);
        arm("{\"pathSuffix\":\"/dm_events\",\"times\":1,\"distortion\":\"group-dm\"}").statusCode(201);
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"status\":429,\"distortion\":\"no-reset\"}").statusCode(201);
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"status\":429,\"distortion\":\"odd-headers\"}").statusCode(201);
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"status\":429,\"distortion\":\"reset-in-ms\"}").statusCode(201);
    }

    @Test
    void anUnknownModeOrRateLimitHeadersWithoutA429AreRefused() {
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"distortion\":\"bogus\"}").statusCode(400)
                .contentType("application/problem+json");
        arm("{\"pathSuffix\":\"/mentions\",\"times\":1,\"status\":503,\"distortion\":\"no-reset\"}").statusCode(400);
    }

    private io.restassured.response.ValidatableResponse arm(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/sandbox/api/faults").then();
    }
}
