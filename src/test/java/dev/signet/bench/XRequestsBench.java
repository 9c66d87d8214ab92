package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxLoad;
import dev.signet.sandbox.SandboxLoadGenerator;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * X API requests per new message under steady load: the sandbox's load generator posts 5 mentions a second
 * for 20 s while the account is polled every second (mentions and DMs, as scheduled polling does); the
 * requests the fake X received are divided by the messages stored. Prints x.requests_per_message (goal ≤ 1.05).
 */
@QuarkusTest
@Tag("bench")
class XRequestsBench {

    private static final int PER_SECOND = 5;
    private static final int SECONDS = 20;

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxLoadGenerator load;
    @Inject
    SandboxFaults traffic;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void requestsPerMessageUnderSteadyLoad() throws InterruptedException {
        world.sandboxBrands(sandbox);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        long messagesBefore = storedFor(TestWorld.MOBILE);
        long requestsBefore = traffic.requests();

        load.start(new SandboxLoad(TestWorld.MOBILE_HANDLE, 10, PER_SECOND, SECONDS));
        while (load.status().running()) {
            Thread.sleep(1_000);
            assertNull(poller.poll(TestWorld.MOBILE).error());
        }
        assertNull(poller.poll(TestWorld.MOBILE).error());

        long stored = storedFor(TestWorld.MOBILE) - messagesBefore;
        long requests = traffic.requests() - requestsBefore;
        assertEquals(PER_SECOND * SECONDS, stored, "every mention stored");
        BenchReport.print("x.requests_per_message", (double) requests / stored, "req/msg");
    }

    private long storedFor(String account) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.conversation.account.accountKey = :a", Long.class)
                .setParameter("a", account).getSingleResult());
    }
}
