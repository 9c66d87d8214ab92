package dev.signet.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.testsupport.SandboxExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Odd 2xx answers are armed through the fault API only as after-write faults of a known kind. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class SandboxOddBodyFaultTest {

    @Test
    void anOddBodyIsArmedAfterTheWriteOnly() {
        given().contentType(ContentType.JSON)
                .body("{\"pathSuffix\":\"/messages\",\"times\":1,\"status\":0,\"afterWrite\":true,\"distortion\":\"odd-data\"}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(201).body("distortion", equalTo("odd-data")).body("afterWrite", equalTo(true));
        // Before the write there is no answer to distort; an unknown kind is refused too.
        given().contentType(ContentType.JSON)
                .body("{\"pathSuffix\":\"/messages\",\"times\":1,\"status\":0,\"distortion\":\"odd-data\"}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-fault"));
        given().contentType(ContentType.JSON)
                .body("{\"pathSuffix\":\"/messages\",\"times\":1,\"status\":0,\"afterWrite\":true,\"distortion\":\"odd-nope\"}")
                .when().post("/sandbox/api/faults")
                .then().statusCode(400).body("type", equalTo("/problems/invalid-fault"));
        given().when().get("/sandbox/api/faults").then().statusCode(200).body("size()", equalTo(1));
    }
}
