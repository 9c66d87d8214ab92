package dev.signet.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Signature rules: initials are unique in the team (a clear 409), and the server always signs replies. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class TeamRulesTest {

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void initialsAreUniqueInTheTeamWhateverTheirCase() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        TestWorld.Login taken = world.agent();
        String body = "{\"username\":\"new-%s\",\"password\":\"pw-123456\",\"displayName\":\"New Person\","
                + "\"initials\":\"%s\",\"role\":\"agent\"}";
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body(body.formatted(System.nanoTime(), taken.initials().toLowerCase()))
                .when().post("/api/users")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/initials-taken"))
                .body("detail", containsString("^" + taken.initials()));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body(body.formatted(System.nanoTime(), "x1"))
                .when().post("/api/users")
                .then().statusCode(400).body("type", equalTo("/problems/invalid-initials"));
        String fresh = "Z" + (char) ('A' + (int) (System.nanoTime() % 26)) + (char) ('A' + (int) (System.nanoTime() / 7 % 26))
                + (char) ('A' + (int) (System.nanoTime() / 13 % 26));
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body(body.formatted(System.nanoTime(), fresh.toLowerCase()))
                .when().post("/api/users")
                .then().statusCode(201).body("initials", equalTo(fresh));
    }

    @Test
    void onlyAdminsAddUsersAndBadBodiesAreRefused() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login admin = world.user(Role.ADMIN);
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{}").when().post("/api/users").then().statusCode(403);
        given().auth().preemptive().basic(admin.username(), admin.password())
                .contentType(ContentType.JSON).body("{\"username\":\"x\",\"role\":\"pilot\"}")
                .when().post("/api/users").then().statusCode(400).body("type", equalTo("/problems/invalid-user"));
    }

    @Test
    void theServerAlwaysSignsAndASignatureCantBeLeftOut() {
        TestWorld.Login agent = world.agent();
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Signed For"), "@SignetTestAir hello", null);
        intake.receive(mention);
        long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :id", Long.class)
                .setParameter("id", mention.externalId()).getSingleResult());
        // The client sends no signature (or someone else's): the stored and published text ends with the author's.
        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body("{\"text\":\"Sorry about that ^ZZ\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201)
                .body("text", endsWith("Sorry about that ^ZZ ^" + agent.initials()))
                .body("signature", equalTo(" ^" + agent.initials()));
    }
}
