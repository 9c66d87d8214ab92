package dev.signet.channel.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

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
 * {@code stream} mode end to end on PostgreSQL: the sandbox pushes DMs over the activity stream and Signet stores them
 * with no poll at all (scheduled polling is off in tests); a dropped event is found by reconciliation and counted;
 * duplicated and reordered deliveries are stored once; a cut stream reconnects and backfills.
 */
@QuarkusTest
@TestProfile(PushTestProfile.class)
class PushStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

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
    void connected() {
        world.sandboxBrands(sandbox);
        activity.arm(SandboxPushFaults.NONE);
        await("the stream is connected", () -> view().connected());
    }

    @AfterEach
    void noFaults() {
        activity.arm(SandboxPushFaults.NONE);
    }

    @Test
    void aDirectMessageIsStoredFromTheStreamWithoutAnyPoll() {
        long pushedBefore = view().eventsPushed();
        String customer = world.sandboxCustomer(sandbox, "Stream Sam");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "my bag is lost");
        await("the pushed DM is stored", () -> stored(dm.id()) == 1);
        assertEquals("my bag is lost", text(dm.id()));
        assertTrue(view().eventsPushed() > pushedBefore);
    }

    @Test
    void aDroppedEventIsFoundByReconciliationAndCountedAsAGapXLeft() throws InterruptedException {
        activity.arm(new SandboxPushFaults(1.0, 0, 0, 0, 0, 0, 0, 7));
        long foundBefore = view().foundByReconciliation();
        String customer = world.sandboxCustomer(sandbox, "Dropped Dan");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "anyone there?");
        Thread.sleep(300);
        assertEquals(0, stored(dm.id()), "X dropped it: nothing pushed");
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertEquals(1, stored(dm.id()));
        assertEquals(foundBefore + 1, view().foundByReconciliation());
    }

    @Test
    void duplicatedAndReorderedDeliveriesAreStoredOnce() {
        activity.arm(new SandboxPushFaults(0, 1.0, 0.5, 0, 0, 0, 0, 11));
        String customer = world.sandboxCustomer(sandbox, "Twice Tina");
        SandboxDirectMessageView first = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "one");
        SandboxDirectMessageView second = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "two");
        SandboxDirectMessageView third = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "three");
        await("all three stored", () -> stored(first.id()) + stored(second.id()) + stored(third.id()) == 3);
        assertEquals(1, stored(first.id()));
        assertEquals(1, stored(second.id()));
        assertEquals(1, stored(third.id()));
    }

    @Test
    void aCutStreamReconnectsAndWhatWasSentMeanwhileArrives() {
        long reconnectsBefore = view().reconnects();
        activity.cutStreams();
        String customer = world.sandboxCustomer(sandbox, "Outage Olga");
        SandboxDirectMessageView dm = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "sent during the cut");
        await("reconnected", () -> view().reconnects() > reconnectsBefore && view().connected());
        await("the DM sent while cut arrives (backfill or reconciliation)", () -> stored(dm.id()) == 1);
    }

    private PushView view() {
        return status.all().stream().filter(v -> v.accountKey().equals(TestWorld.AIR_V2)).findFirst().orElseThrow();
    }

    private long stored(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from message where external_id = ?1")
                .setParameter(1, Long.toString(externalId)).getSingleResult()).longValue());
    }

    private String text(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select text from message where external_id = ?1")
                .setParameter(1, Long.toString(externalId)).getSingleResult());
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
        fail("not within " + WAIT.toSeconds() + " s: " + what);
    }
}
