package dev.signet.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.sandbox.SandboxService;
import dev.signet.security.Role;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One poller per account (a database lease), and channel health that follows each account's endpoints. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class PollLeaseAndHealthTest {

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
    ChannelAccountService accounts;
    @Inject
    ReplicaId replica;
    @Inject
    EndpointHealthService endpoints;
    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @AfterEach
    void releaseAndHeal() {
        setLease(null, null);
        assertNull(poller.poll(TestWorld.MOBILE).error());
    }

    @Test
    void anAccountLeasedByAnotherReplicaIsNotPolledUntilTheLeaseExpires() {
        String customer = world.sandboxCustomer(sandbox, "Lease Watcher");
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "anyone there?", null);

        setLease("other-replica", Instant.now().plusSeconds(3600));
        ChannelPoller.PollOutcome skipped = poller.poll(TestWorld.MOBILE);
        assertTrue(skipped.leasedElsewhere());
        assertEquals(0, storedFrom(customer));

        // The holder died: its lease ran out, this replica takes over and polls.
        setLease("other-replica", Instant.now().minusSeconds(1));
        ChannelPoller.PollOutcome taken = poller.poll(TestWorld.MOBILE);
        assertFalse(taken.leasedElsewhere());
        assertNull(taken.error());
        assertEquals(1, storedFrom(customer));
        String owner = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.leaseOwner from ChannelAccount a where a.accountKey = :k", String.class)
                .setParameter("k", TestWorld.MOBILE).getSingleResult());
        assertEquals(replica.value(), owner);
    }

    @Test
    void channelHealthGoesDownAfterThreeFailedReadsAndRecoversAfterASuccessfulOne() {
        given().when().get("/q/health/group/channels").then().statusCode(200);
        endpoints.failed(TestWorld.MOBILE, Endpoint.MENTIONS, "X could not fetch mentions: HTTP 503", null);
        endpoints.failed(TestWorld.MOBILE, Endpoint.MENTIONS, "X could not fetch mentions: HTTP 503", null);
        given().when().get("/q/health/group/channels").then().statusCode(200);
        endpoints.failed(TestWorld.MOBILE, Endpoint.MENTIONS, "X could not fetch mentions: HTTP 503", null);
        given().when().get("/q/health/group/channels").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(containsString("failing (3 in a row): X could not fetch mentions: HTTP 503"));
        // One brand's trouble on X doesn't take the replica out of service.
        given().when().get("/q/health/ready").then().statusCode(200);

        TestWorld.Login lead = world.user(Role.LEAD);
        given().auth().preemptive().basic(lead.username(), lead.password())
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("find { it.accountKey == 'test-mobile' }.consecutiveFailures", equalTo(3));

        assertNull(poller.poll(TestWorld.MOBILE).error());
        given().when().get("/q/health/group/channels").then().statusCode(200);
    }

    @Test
    void agentsDoNotSeeAccountInternals() {
        TestWorld.Login agent = world.agent();
        given().auth().preemptive().basic(agent.username(), agent.password())
                .when().get("/api/accounts")
                .then().statusCode(403);
    }

    private void setLease(String owner, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update ChannelAccount a set a.leaseOwner = :o, a.leaseUntil = :u where a.accountKey = :k")
                .setParameter("o", owner).setParameter("u", until).setParameter("k", TestWorld.MOBILE).executeUpdate());
    }

    private long storedFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }
}
