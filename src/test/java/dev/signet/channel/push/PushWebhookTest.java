package dev.signet.channel.push;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxActivity;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxPushFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code webhook} mode: X's CRC is answered, each delivery's signature is checked over the raw body before anything
 * is parsed (bad, missing or one byte off: 401, nothing stored), a replayed delivery is stored once, and a DM posted
 * on the sandbox reaches a stored message through the webhook; one refused for a bad signature is found by
 * reconciliation.
 */
@QuarkusTest
@TestProfile(PushTestProfile.class)
class PushWebhookTest {

    private static final String SECRET = "sandbox-consumer-secret";
    private static final String HOOK = "/webhooks/x/" + TestWorld.MOBILE_V2;

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxActivity activity;
    @Inject
    PushStatus status;
    @Inject
    ChannelPoller poller;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @BeforeEach
    void ready() {
        world.sandboxBrands(sandbox);
        activity.arm(SandboxPushFaults.NONE);
        PushStreamTest.await("the webhook is registered", () -> view().connected());
    }

    @AfterEach
    void noFaults() {
        activity.arm(SandboxPushFaults.NONE);
    }

    @Test
    void theCrcChallengeIsAnsweredWithTheHmacOfTheToken() {
        given().queryParam("crc_token", "challenge-42").when().get(HOOK).then().statusCode(200)
                .body("response_token", equalTo(WebhookSignature.crcResponse(SECRET, "challenge-42")));
        given().when().get(HOOK).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("crc_token", "x").when().get("/webhooks/x/" + TestWorld.AIR).then().statusCode(404);
    }

    @Test
    void aDeliveryWithABadMissingOrMisplacedSignatureIsRefusedAndNothingIsStored() {
        String id = world.nextId();
        byte[] body = envelope(id, "refund please").getBytes(StandardCharsets.UTF_8);
        given().body(body).contentType("application/json").when().post(HOOK).then().statusCode(401)
                .contentType("application/problem+json");
        given().body(body).contentType("application/json").header(WebhookRoutes.SIGNATURE_HEADER, "sha256=bm90IGl0")
                .when().post(HOOK).then().statusCode(401);
        byte[] altered = body.clone();
        altered[altered.length - 5] ^= 1;
        given().body(altered).contentType("application/json")
                .header(WebhookRoutes.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)).when().post(HOOK).then()
                .statusCode(401);
        assertEquals(0, stored(id));
    }

    @Test
    void aSignedDeliveryIsStoredAndAReplayedOneStoredOnce() {
        String id = world.nextId();
        byte[] body = envelope(id, "where is my order <script>").getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(SECRET, body);
        for (int delivery = 0; delivery < 2; delivery++) {
            given().body(body).contentType("application/json").header(WebhookRoutes.SIGNATURE_HEADER, signature)
                    .when().post(HOOK).then().statusCode(200);
        }
        assertEquals(1, stored(id));
    }

    @Test
    void aSignedBodyThatIsNotJsonIsA400() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
        given().body(body).contentType("application/json")
                .header(WebhookRoutes.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)).when().post(HOOK).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDirectMessageOnTheSandboxArrivesThroughTheWebhook() {
        String customer = world.sandboxCustomer(sandbox, "Hook Hannah");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.MOBILE_V2_HANDLE, "pushed to you");
        PushStreamTest.await("the DM is stored", () -> stored(Long.toString(dm.id())) == 1);
    }

    @Test
    void aDeliveryRefusedForItsSignatureIsFoundByReconciliation() throws InterruptedException {
        activity.arm(new SandboxPushFaults(0, 0, 0, 0, 0, 1, 0, 3));
        long foundBefore = view().foundByReconciliation();
        String customer = world.sandboxCustomer(sandbox, "Forged Fred");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.MOBILE_V2_HANDLE, "signed wrongly");
        Thread.sleep(500);
        assertEquals(0, stored(Long.toString(dm.id())), "the badly signed delivery was refused");
        poller.poll(TestWorld.MOBILE_V2);
        assertEquals(1, stored(Long.toString(dm.id())));
        assertEquals(foundBefore + 1, view().foundByReconciliation());
    }

    private String envelope(String id, String text) {
        String brand = Long.toString(sandbox.user(TestWorld.MOBILE_V2_HANDLE).orElseThrow().id());
        String customer = world.nextId();
        return """
                {"data":{"event_type":"dm.received","event_uuid":"%s","filter":{"user_id":"%s"},
                 "payload":{"id":"%s","event_type":"MessageCreate","text":"%s","sender_id":"%s",
                  "dm_conversation_id":"%s-%s"}},"includes":{"users":[{"id":"%s","username":"hooked","name":"Hooked"}]}}"""
                .formatted(id, brand, id, text, customer, brand, customer, customer);
    }

    private PushView view() {
        return status.all().stream().filter(v -> v.accountKey().equals(TestWorld.MOBILE_V2)).findFirst().orElseThrow();
    }

    private long stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from message where external_id = ?1")
                .setParameter(1, externalId).getSingleResult()).longValue());
    }
}
