package dev.signet.channel.push;

import static dev.signet.channel.push.PushStreamTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signet.sandbox.SandboxActivity;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxPushFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Only the replica holding an account's poll lease keeps its activity stream open: another replica id taking the
 * lease closes this replica's stream (X allows 2 connections per app), and the lease coming back opens it again with
 * backfill, so what was sent meanwhile arrives.
 */
@QuarkusTest
@TestProfile(PushTestProfile.class)
class StreamFollowsLeaseTest {

    private static final String OTHER_REPLICA = "replica-b-of-stream-follows-lease-test";

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxActivity activity;
    @Inject
    ActivityStreams streams;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @AfterEach
    void leaseFree() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update channel_account set lease_owner = null, lease_until = null where account_key = ?1")
                .setParameter(1, TestWorld.AIR_V2).executeUpdate());
    }

    @Test
    void theStreamClosesWhenAnotherReplicaTakesTheLeaseAndReopensWithBackfillWhenItComesBack() {
        world.sandboxBrands(sandbox);
        activity.arm(SandboxPushFaults.NONE);
        await("the stream is connected", () -> state().connected());
        await("one stream open on X", () -> activity.counts().get("streams") == 1L);

        // Another replica holds the lease (it took it over while this one's had run out).
        lease(OTHER_REPLICA, Instant.now().plus(Duration.ofHours(1)));
        await("this replica's stream closed", () -> !state().connected());
        await("no stream open on X", () -> activity.counts().get("streams") == 0L);
        assertEquals("poll lease held by another replica", state().lastError());
        assertEquals(OTHER_REPLICA, leaseOwner(), "renewing its own streams never takes another replica's lease");

        String customer = world.sandboxCustomer(sandbox, "Lease Lars");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "while it moved");

        // The other replica's lease runs out: this one takes it, opens the stream and backfills.
        lease(OTHER_REPLICA, Instant.now().minusSeconds(1));
        await("the stream is connected again", () -> state().connected());
        assertNotEquals(OTHER_REPLICA, leaseOwner());
        await("the DM sent while the lease was away arrives", () -> stored(dm.id()) == 1);
    }

    private StreamState state() {
        return streams.states().get(TestWorld.AIR_V2);
    }

    private void lease(String owner, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update channel_account set lease_owner = ?1, lease_until = ?2 where account_key = ?3")
                .setParameter(1, owner).setParameter(2, until).setParameter(3, TestWorld.AIR_V2).executeUpdate());
    }

    private String leaseOwner() {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select lease_owner from channel_account where account_key = ?1")
                .setParameter(1, TestWorld.AIR_V2).getSingleResult());
    }

    private long stored(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from message where external_id = ?1")
                .setParameter(1, Long.toString(externalId)).getSingleResult()).longValue());
    }
}
