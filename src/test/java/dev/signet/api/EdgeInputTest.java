package dev.signet.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.InboundMessage;
import dev.signet.intake.IntakeService;
import dev.signet.security.Role;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

/**
 * The inputs that once answered 500 (or were published although wrong), one by one: each is now refused with a
 * 4xx problem+json, quickly, and nothing is stored.
 */
@QuarkusTest
class EdgeInputTest {

    private static final String PROBLEM = "application/problem+json";
    /** Sends a hand-made (malformed) multipart body as it is. */
    static final RestAssuredConfig TEXT_MULTIPART = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs("multipart/form-data", ContentType.TEXT));

    @Inject
    TestWorld world;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    private long conversation() {
        InboundMessage mention = world.mention(TestWorld.AIR, world.customer("Edge Ed"), "@SignetTestAir hello", null);
        intake.receive(mention);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.externalId = :x", Long.class)
                .setParameter("x", mention.externalId()).getSingleResult());
    }

    private long repliesIn(long conversation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.id = :c and m.direction = dev.signet.care.Direction.OUT",
                Long.class).setParameter("c", conversation).getSingleResult());
    }

    @Test
    void aNumberWhereTextIsExpectedIsRefusedNotPublished() {
        long id = conversation();
        TestWorld.Login agent = world.agent();
        for (String body : new String[] { "{\"text\":123}", "{\"text\":true}", "{\"text\":1.5}", "{\"text\":[\"a\"]}" }) {
            given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/conversations/" + id + "/replies")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("text"));
        }
        assertEquals(0, repliesIn(id));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedNamingTheField() {
        long id = conversation();
        TestWorld.Login agent = world.agent();
        for (String text : new String[] { "a\\u0000b", "broken \\ud83d emoji", "\\udc00 alone" }) {
            given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                    .body("{\"text\":\"" + text + "\"}")
                    .when().post("/api/conversations/" + id + "/replies")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("text"));
        }
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"text\":\"fine \\ud83d\\ude00\",\"inReplyTo\":\"x\\u0000\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("inReplyTo"));
        assertEquals(0, repliesIn(id));
    }

    @Test
    void aHugeReplyIsRefusedAsTooLargeAndALongOneAsTooLong() {
        long id = conversation();
        TestWorld.Login agent = world.agent();
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        byte[] body = ("{\"text\":\"" + new String(huge, StandardCharsets.US_ASCII) + "\"}").getBytes(StandardCharsets.US_ASCII);
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON).body(body)
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("/problems/request-too-large"));
        // Under the body limit but far over any post: refused as too long (ReplyLength refuses it before parsing;
        // how fast is a figure, not a test assertion).
        String longText = "a".repeat(99_000);
        given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + longText + "\"}")
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/reply-too-long"));
        assertEquals(0, repliesIn(id));
    }

    @Test
    void pagesBeyondAnyQueueAreRefused() {
        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password()).queryParam("page", Integer.MAX_VALUE)
                .when().get("/api/conversations")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("page"));
        given().auth().preemptive().basic(lead.username(), lead.password()).queryParam("page", Integer.MAX_VALUE)
                .when().get("/api/customers/1/timeline")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("page"));
    }

    @Test
    void goodwillPeriodsOutsideTheCalendarAndAbsurdAmountsAreRefused() {
        TestWorld.Login agent = world.agent();
        TestWorld.Login lead = world.user(Role.LEAD);
        for (String period : new String[] { "+999999999-12-31", "-999999999-01-01", "1969-12-31" }) {
            given().auth().preemptive().basic(agent.username(), agent.password()).queryParam("period", period)
                    .when().get("/api/goodwill/mine")
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/goodwill-bad-period"));
            given().auth().preemptive().basic(lead.username(), lead.password()).queryParam("period", period)
                    .when().get("/api/goodwill/team")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        long id = conversation();
        for (String amount : new String[] { "1e999999999", "1e-999999999" }) {
            long started = System.nanoTime();
            given().auth().preemptive().basic(agent.username(), agent.password()).contentType(ContentType.JSON)
                    .body("{\"conversationId\":" + id + ",\"amount\":" + amount + ",\"reason\":\"sorry\"}")
                    .when().post("/api/goodwill")
                    .then().statusCode(both4xx()).contentType(PROBLEM);
            assertTrue(System.nanoTime() - started < 10_000_000_000L, "refused quickly: " + amount);
        }
    }

    @Test
    void aMalformedMultipartUploadIsRefused() {
        TestWorld.Login admin = world.user(Role.ADMIN);
        given().config(TEXT_MULTIPART).auth().preemptive().basic(admin.username(), admin.password())
                .contentType("multipart/form-data; boundary=XyZ")
                .body("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ncrm_id,name\n1,A")
                .when().post("/api/customers/import")
                .then().statusCode(both4xx()).contentType(PROBLEM);
        given().config(TEXT_MULTIPART).auth().preemptive().basic(admin.username(), admin.password())
                .contentType("multipart/form-data")
                .body("garbage without a boundary")
                .when().post("/api/customers/import")
                .then().statusCode(both4xx()).contentType(PROBLEM);
    }

    @Test
    void aHundredThousandCharacterUserNameIsRefusedAtLogin() {
        given().redirects().follow(false)
                .formParam("j_username", "u".repeat(100_000)).formParam("j_password", "x")
                .when().post("/j_security_check")
                .then().statusCode(both4xx());
        given().redirects().follow(false).auth().preemptive().basic("u".repeat(5_000), "x")
                .accept(ContentType.JSON)
                .when().get("/api/conversations")
                .then().statusCode(both4xx());
    }

    private static org.hamcrest.Matcher<Integer> both4xx() {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(lessThan(500));
    }
}
