package dev.signet.channel.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.signet.channel.ApiUsageService;
import dev.signet.channel.ApiUsageView;
import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxActivity;
import dev.signet.sandbox.SandboxDirectMessageView;
import dev.signet.sandbox.SandboxPushFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.EmbeddedH2Profile;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code stream} mode on the embedded default's database (H2 in PostgreSQL mode): the push tables' "insert if
 * absent" statements, a pushed DM stored, a dropped one found by reconciliation and counted once.
 */
@QuarkusTest
@TestProfile(PushOnH2Test.PushOnH2.class)
class PushOnH2Test {

    /** H2, with the stream and webhook accounts of {@link PushTestProfile}. */
    public static class PushOnH2 extends EmbeddedH2Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(new PushTestProfile().getConfigOverrides());
            return overrides;
        }
    }

    @Inject
    SandboxService sandbox;
    @Inject
    SandboxActivity activity;
    @Inject
    PushStatus status;
    @Inject
    ChannelPoller poller;
    @Inject
    ApiUsageService usage;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void pushedAndReconciledMessagesAreStoredAndCountedOnce() throws InterruptedException {
        world.sandboxBrands(sandbox);
        PushStreamTest.await("the stream is connected", () -> view().connected());
        String customer = world.sandboxCustomer(sandbox, "H2 Hugo");
        ApiUsageView meterBefore = meter();
        SandboxDirectMessageView pushed = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "pushed on H2");
        PushStreamTest.await("the pushed DM is stored", () -> stored(pushed.id()) == 1);

        activity.arm(new SandboxPushFaults(1.0, 0, 0, 0, 0, 0, 0, 5));
        SandboxDirectMessageView dropped = sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "dropped on H2");
        Thread.sleep(300);
        activity.arm(SandboxPushFaults.NONE);
        long foundBefore = view().foundByReconciliation();
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertEquals(1, stored(dropped.id()));
        assertEquals(foundBefore + 1, view().foundByReconciliation());

        // The cost meter: the pushed DM event billed as a DM read, the dropped one as the poll's DM read; the poll's
        // re-read of the pushed one on the same day is free.
        ApiUsageView meterAfter = meter();
        assertEquals("stream", meterAfter.delivery());
        assertTrue(meterAfter.pushedDms() >= meterBefore.pushedDms() + 1, meterAfter.toString());
        assertTrue(meterAfter.dmReads() >= meterBefore.dmReads() + 1, meterAfter.toString());
        assertTrue(meterAfter.costUsd().compareTo(meterBefore.costUsd()) > 0, meterAfter.toString());
    }

    private ApiUsageView meter() {
        return usage.month(usage.thisMonth()).stream().filter(v -> v.accountKey().equals(TestWorld.AIR_V2)).findFirst()
                .orElse(ApiUsageView.none(TestWorld.AIR_V2, usage.thisMonth().toString(), "stream"));
    }

    private PushView view() {
        return status.all().stream().filter(v -> v.accountKey().equals(TestWorld.AIR_V2)).findFirst().orElseThrow();
    }

    private long stored(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from message where external_id = ?1")
                .setParameter(1, Long.toString(externalId)).getSingleResult()).longValue());
    }
}
