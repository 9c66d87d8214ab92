package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Mentions, DMs and publishing of an account fail and recover on their own, and stay visible while they fail: in
 * {@code /api/accounts}, the channel health group and the page; readiness doesn't follow X's trouble.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class EndpointIndependenceTest {

    private static final String MENTIONS = "statuses/mentions_timeline.json";
    private static final String ACCOUNT = "find { it.accountKey == 'test-air' }";
    private static final String MENTIONS_ENDPOINT = ACCOUNT + ".endpoints.find { it.endpoint == 'mentions' }";
    private static final String DMS_ENDPOINT = ACCOUNT + ".endpoints.find { it.endpoint == 'direct-messages' }";
    private static final String MOBILE = "find { it.accountKey == 'test-mobile' }";
    private static final String MOBILE_MENTIONS = MOBILE + ".endpoints.find { it.endpoint == 'mentions' }";
    private static final String MOBILE_DMS = MOBILE + ".endpoints.find { it.endpoint == 'direct-messages' }";
    private static final String PUBLISH_ENDPOINT = ACCOUNT + ".endpoints.find { it.endpoint == 'publish' }";

    @Inject
    EndpointHealthService endpointHealth;

    /** Another class may have left a brand's publishing failing: each test starts from a healthy one. */
    @org.junit.jupiter.api.BeforeEach
    void publishingHealthy() {
        QuarkusTransaction.requiringNew().run(() -> {
            endpointHealth.publishSucceeded(TestWorld.AIR);
            endpointHealth.publishSucceeded(TestWorld.MOBILE);
        });
    }

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @AfterEach
    void heal() {
        faults.clear(); // before the polls below: SandboxExtension disarms only after this method
        assertNull(poller.poll(TestWorld.AIR).error());
        assertNull(poller.poll(TestWorld.MOBILE).error());
    }

    @Test
    void aPersistent400OnMentionsDoesNotKeepDirectMessagesFromArriving() {
        String customer = world.sandboxCustomer(sandbox, "Direct Dora");
        sandbox.sendDirectMessage(customer, TestWorld.AIR_HANDLE, "my bag never arrived");
        faults.arm(new SandboxFault(MENTIONS, 1_000, 400, 0, false, 0));

        ChannelPoller.PollOutcome outcome = poller.poll(TestWorld.AIR);
        assertNotNull(outcome.error(), "the mentions read failed");
        assertEquals(1, storedFrom(customer), "the DM arrived all the same");

        sandbox.sendDirectMessage(customer, TestWorld.AIR_HANDLE, "hello? still nothing");
        assertNotNull(poller.poll(TestWorld.AIR).error());
        assertEquals(2, storedFrom(customer));
        accounts()
                .body(MENTIONS_ENDPOINT + ".consecutiveFailures", equalTo(2))
                .body(MENTIONS_ENDPOINT + ".lastError", containsString("400"))
                .body(DMS_ENDPOINT + ".consecutiveFailures", equalTo(0))
                .body(DMS_ENDPOINT + ".lastSuccessAt", notNullValue())
                .body(ACCOUNT + ".consecutiveFailures", equalTo(2))
                .body(ACCOUNT + ".lastPollError", containsString("mentions"));
    }

    @Test
    void aReadHeldBackByA429KeepsTheErrorAndTheBlockVisibleUntilTheResetThenRecovers() throws InterruptedException {
        // On its own account: the block must not leak into the other tests, whatever their order.
        TestWorld.Login lead = world.user(Role.LEAD);
        // Warm up the page and the API first: on a loaded machine their first answer may come after a short reset.
        given().auth().preemptive().basic(lead.username(), lead.password()).when().get("/admin").then().statusCode(200);
        accounts();
        faults.arm(new SandboxFault(MENTIONS, 1, 429, 0, false, 20));
        assertNotNull(poller.poll(TestWorld.MOBILE).error());

        // The next polls skip mentions (blocked until X's reset) and read DMs fine: the failure stays on record.
        assertNull(poller.poll(TestWorld.MOBILE).error());
        assertNull(poller.poll(TestWorld.MOBILE).error());
        String blockedUntil = accounts()
                .body(MOBILE + ".consecutiveFailures", equalTo(1))
                .body(MOBILE + ".lastPollError", containsString("rate limit"))
                .body(MOBILE_MENTIONS + ".consecutiveFailures", equalTo(1))
                .body(MOBILE_MENTIONS + ".blockedUntil", notNullValue())
                .body(MOBILE_DMS + ".blockedUntil", nullValue())
                .extract().path(MOBILE_MENTIONS + ".blockedUntil");
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/admin")
                .then().statusCode(200)
                .body(containsString("Blocked by X's limit until"));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), Instant.parse(blockedUntil)).toMillis()) + 100);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        accounts()
                .body(MOBILE + ".consecutiveFailures", equalTo(0))
                .body(MOBILE + ".lastPollError", nullValue())
                .body(MOBILE_MENTIONS + ".blockedUntil", nullValue())
                .body(MOBILE_MENTIONS + ".lastSuccessAt", notNullValue())
                .body(MOBILE_MENTIONS + ".lastError", containsString("rate limit"));
    }

    @Test
    void readinessStaysUpWhileAnAccountFailsAndTheChannelsGroupSaysWhich() {
        faults.arm(new SandboxFault(MENTIONS, 1_000, 400, 0, false, 0));
        for (int i = 0; i < AccountHealth.FAILURES_BEFORE_UNHEALTHY; i++) {
            assertNotNull(poller.poll(TestWorld.AIR).error());
        }

        given().when().get("/q/health/ready").then().statusCode(200).body(not(containsString("test-air")));
        given().when().get("/q/health/group/channels").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.'test-air'", containsString("mentions failing (3 in a row)"))
                .body("checks[0].data.'test-air-v2'", containsString("ok"));

        faults.clear();
        assertNull(poller.poll(TestWorld.AIR).error());
        given().when().get("/q/health/group/channels").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishingReportsItsOwnHealth() {
        TestWorld.Login agent = world.agent();
        String customer = world.sandboxCustomer(sandbox, "Publish Pat");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "can you answer?", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Conversation c where c.account.accountKey = :account order by c.id desc", Long.class)
                .setParameter("account", TestWorld.AIR).setMaxResults(1).getSingleResult());
        faults.arm(new SandboxFault("statuses/update.json", 1, 403, 0, false, 0));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "We are on it"))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201).body("delivery", equalTo("FAILED"));
        accounts()
                .body(PUBLISH_ENDPOINT + ".consecutiveFailures", equalTo(1))
                .body(PUBLISH_ENDPOINT + ".lastError", containsString("403"))
                .body(MENTIONS_ENDPOINT + ".consecutiveFailures", equalTo(0));

        given().auth().preemptive().basic(agent.username(), agent.password())
                .contentType(ContentType.JSON).body(Map.of("text", "We are on it, really"))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(201).body("delivery", equalTo("SENT"));
        accounts()
                .body(PUBLISH_ENDPOINT + ".consecutiveFailures", equalTo(0))
                .body(PUBLISH_ENDPOINT + ".lastSuccessAt", notNullValue());
        TestWorld.Login admin = world.user(Role.ADMIN);
        String metrics = given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("signet_channel_endpoint_failures_in_row{account=\"test-air\",endpoint=\"publish\"} 0.0"),
                metrics.lines().filter(l -> l.contains("signet_channel_endpoint")).toList().toString());
        assertTrue(metrics.contains("signet_channel_endpoint_calls_total{account=\"test-air\",endpoint=\"publish\",outcome=\"failure\"}"));
        assertTrue(metrics.contains("signet_channel_ratelimit_remaining{account=\"test-air\",call=\""),
                metrics.lines().filter(l -> l.contains("ratelimit")).toList().toString());
    }

    private ValidatableResponse accounts() {
        TestWorld.Login lead = world.user(Role.LEAD);
        return given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200);
    }

    private long storedFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }
}
