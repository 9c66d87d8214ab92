package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What polling does when X misbehaves (sandbox fault injection): nothing is lost, nothing is stored twice. */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class ChannelFaultsTest {

    private static final String MENTIONS = "statuses/mentions_timeline.json";

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

    @Test
    void a429IsWaitedOutThenEverythingArrives() throws InterruptedException {
        String customer = world.sandboxCustomer(sandbox, "Patient Customer");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "hello after the limit", null);
        faults.arm(new SandboxFault(MENTIONS, 1, 429, 0, false, 2));

        ChannelPoller.PollOutcome limited = poller.poll(TestWorld.AIR);
        assertNotNull(limited.error());
        assertTrue(limited.error().contains("rate limit"), limited.error());
        long injected = faults.injected();

        // Until the reset, mentions are not even asked for (no request reaches X).
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(injected, faults.injected());
        assertEquals(0, storedFrom(customer));

        Thread.sleep(2_100);
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(1, storedFrom(customer));
    }

    @Test
    void aShort5xxStormIsRetriedWithBackoffWithinThePoll() {
        String customer = world.sandboxCustomer(sandbox, "Stormy Customer");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "is it raining errors?", null);
        faults.arm(new SandboxFault(MENTIONS, 2, 503, 0, false, 0));

        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(1, storedFrom(customer));
    }

    @Test
    void aLong5xxStormFailsThePollButLosesNothing() {
        String customer = world.sandboxCustomer(sandbox, "Unlucky Customer");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "first", null);
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "second", null);
        faults.arm(new SandboxFault(MENTIONS, 20, 500, 0, false, 0));

        assertNotNull(poller.poll(TestWorld.AIR).error());
        assertEquals(0, storedFrom(customer));

        faults.clear();
        assertNull(poller.poll(TestWorld.AIR).error());
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(2, storedFrom(customer));
    }

    @Test
    void malformedJsonFailsThePollAndTheNextPollRecovers() {
        String customer = world.sandboxCustomer(sandbox, "Garbled Customer");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "can you read me?", null);
        faults.arm(new SandboxFault(MENTIONS, 1, 0, 0, true, 0));

        assertNotNull(poller.poll(TestWorld.AIR).error());
        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(1, storedFrom(customer));
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsJustSlow() {
        String customer = world.sandboxCustomer(sandbox, "Slow Customer");
        sandbox.postMention(customer, TestWorld.AIR_HANDLE, "no rush", null);
        faults.arm(new SandboxFault(MENTIONS, 1, 0, 1_000, false, 0));

        assertNull(poller.poll(TestWorld.AIR).error());
        assertEquals(1, storedFrom(customer));
    }

    @Test
    void aBurstLargerThanTwoPagesWithRepeatedAndOutOfOrderItemsIsStoredExactlyOnce() {
        String customer = world.sandboxCustomer(sandbox, "Burst Customer");
        assertNull(poller.poll(TestWorld.AIR).error());
        for (int i = 0; i < 450; i++) {
            sandbox.postMention(customer, TestWorld.AIR_HANDLE, "burst message " + i, null);
        }
        faults.arm(new SandboxFault(MENTIONS, 2, 0, 0, false, 0, SandboxFault.REPEAT));
        faults.arm(new SandboxFault(MENTIONS, 1, 0, 0, false, 0, SandboxFault.SHUFFLE));

        assertNull(poller.poll(TestWorld.AIR).error());

        assertEquals(450, storedFrom(customer));
        assertEquals(450L, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(distinct m.externalId) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", customer).getSingleResult()));
        assertTrue(faults.armed().isEmpty(), "every distortion was served");
    }

    private long storedFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }
}
