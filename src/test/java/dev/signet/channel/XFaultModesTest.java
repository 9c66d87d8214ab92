package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.signet.sandbox.SandboxFault;
import dev.signet.sandbox.SandboxFaults;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * X answering lawfully but not as the sandbox usually does, driven through the real poller: v2 pages without
 * their optional fields, DM conversation ids in X's group form, and 429s whose rate-limit headers are missing or
 * unreadable. Nothing is lost, nothing is stored twice, and polling never stops for longer than one window.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class XFaultModesTest {

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    SandboxFaults faults;
    @Inject
    RateLimitBudget budget;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @BeforeEach
    void brands() {
        // Earlier polls of the shared test accounts must not space this test's polls out.
        for (String account : List.of(TestWorld.AIR, TestWorld.AIR_V2)) {
            for (ApiCall call : List.of(ApiCall.MENTIONS, ApiCall.DIRECT_MESSAGES)) {
                budget.observed(account, call, 100_000, 100_000, Instant.now().plusSeconds(900));
            }
        }
    }

    @Test
    void v2PagesWithoutTheirOptionalFieldsLoseAndDuplicateNothing() {
        String customer = world.sandboxCustomer(sandbox, "Sparse Customer");
        Instant before = Instant.now().minusSeconds(5);
        for (int i = 0; i < 3; i++) {
            sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "sparse mention " + i, null);
        }
        sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "sparse dm 1");
        sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "sparse dm 2");
        faults.arm(new SandboxFault("/mentions", 10, 0, 0, false, 0, SandboxFault.SPARSE));
        faults.arm(new SandboxFault("/dm_events", 10, 0, 0, false, 0, SandboxFault.SPARSE));

        assertNull(poller.poll(TestWorld.AIR_V2).error());
        sandbox.postMention(customer, TestWorld.AIR_V2_HANDLE, "one more without created_at", null);
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertNull(poller.poll(TestWorld.AIR_V2).error());

        assertEquals(6, storedFrom(customer), "every mention and DM, once");
        assertEquals(6, distinctStoredFrom(customer));
        assertTrue(faults.armed().stream().allMatch(f -> f.times() < 10), "the sparse pages were served");
        Instant oldest = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select min(m.sentAt) from Message m where m.authorIdentity.handle = :h", Instant.class)
                .setParameter("h", customer).getSingleResult());
        assertTrue(oldest.isAfter(before), "the time comes from the id when created_at is absent: " + oldest);
    }

    @Test
    void dmConversationIdsInGroupFormLoseAndDuplicateNothing() {
        String customer = world.sandboxCustomer(sandbox, "Group Id Customer");
        sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "first dm, group-style id");
        sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "second dm, group-style id");
        faults.arm(new SandboxFault("/dm_events", 10, 0, 0, false, 0, SandboxFault.GROUP_DM));

        assertNull(poller.poll(TestWorld.AIR_V2).error());
        sandbox.sendDirectMessage(customer, TestWorld.AIR_V2_HANDLE, "third dm, group-style id");
        assertNull(poller.poll(TestWorld.AIR_V2).error());
        assertNull(poller.poll(TestWorld.AIR_V2).error());

        assertEquals(3, storedFrom(customer));
        assertEquals(3, distinctStoredFrom(customer));
        assertTrue(faults.armed().stream().allMatch(f -> f.times() < 10), "the group-style ids were served");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "no-reset, test-air, statuses/mentions_timeline.json",
            "no-reset, test-air-v2, /mentions",
            "odd-headers, test-air, statuses/mentions_timeline.json",
            "odd-headers, test-air-v2, /mentions",
            "reset-in-ms, test-air, statuses/mentions_timeline.json",
            "reset-in-ms, test-air-v2, /mentions" })
    void a429WithMissingOrOddRateLimitHeadersWaitsAtMostOneWindowAndLosesNothing(String headers, String account,
            String mentionsPath) {
        String brand = TestWorld.AIR.equals(account) ? TestWorld.AIR_HANDLE : TestWorld.AIR_V2_HANDLE;
        String customer = world.sandboxCustomer(sandbox, "Limited Customer");
        sandbox.postMention(customer, brand, "are you there? " + headers, null);
        faults.arm(new SandboxFault(mentionsPath, 1, 429, 0, false, 2, headers));

        ChannelPoller.PollOutcome limited = poller.poll(account);
        assertNotNull(limited.error(), "the 429 fails the poll");
        Instant blockedUntil = budget.blockedUntil(account, ApiCall.MENTIONS, Instant.now()).orElseThrow(
                () -> new AssertionError("a 429 blocks the mentions until a reset: " + limited.error()));
        assertTrue(!blockedUntil.isAfter(Instant.now().plus(ApiCall.WINDOW).plusSeconds(5)),
                "the wait is at most one 15-minute window, not " + Duration.between(Instant.now(), blockedUntil));
        long injected = faults.injected();
        assertNull(poller.poll(account).error());
        assertEquals(injected, faults.injected(), "no request while blocked");

        // The window ends (X would say so in the next answer's headers): polling resumes, nothing was lost.
        budget.observed(account, ApiCall.MENTIONS, 100_000, 100_000, Instant.now());
        assertNull(poller.poll(account).error());
        assertNull(poller.poll(account).error());
        assertEquals(1, storedFrom(customer));
        assertTrue(faults.armed().isEmpty(), "the 429 was served");
    }

    private long storedFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }

    private long distinctStoredFrom(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(distinct m.externalId) from Message m where m.authorIdentity.handle = :h", Long.class)
                .setParameter("h", handle).getSingleResult());
    }
}
