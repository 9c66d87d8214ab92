package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.intake.IntakeService;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.SandboxExtension;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cursors and the lease are the poller's: intake, which reads the account row at the start of its batch and
 * records the last customer message, never writes an older cursor or lease back over the poller's.
 */
@QuarkusTest
@ExtendWith(SandboxExtension.class)
class CursorOwnershipTest {

    @Inject
    ChannelPoller poller;
    @Inject
    ChannelAccountRepository accounts;
    @Inject
    IntakeService intake;
    @Inject
    SandboxService sandbox;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void anIntakeBatchInterleavedWithTheCursorMoveNeverPutsTheCursorOrTheLeaseBack() throws Exception {
        String customer = world.sandboxCustomer(sandbox, "Racing Rosa");
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "first", null);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        Row before = row();
        assertNotNull(before.cursor());

        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "second", null);
        Row after = QuarkusTransaction.requiringNew().call(() -> {
            // Intake's batch reads the account row (as IntakeService does at the start of a chunk)…
            ChannelAccount stale = accounts.findByKey(TestWorld.MOBILE).orElseThrow();
            assertEquals(before.cursor(), stale.mentionsSinceId());
            // …meanwhile the poller reads a new mention and moves the cursor and the lease, and commits…
            Thread.sleep(5);
            assertNull(CompletableFuture.supplyAsync(() -> poller.poll(TestWorld.MOBILE)).get(30, TimeUnit.SECONDS).error());
            Row moved = QuarkusTransaction.requiringNew().call(this::row);
            assertNotEquals(before.cursor(), moved.cursor());
            assertTrue(moved.leaseUntil().isAfter(before.leaseUntil()));
            // …then intake stores its batch, recording the customer's message on the account it read.
            intake.receiveAll(List.of(new InboundMessage(TestWorld.MOBILE, Network.X, "race-" + System.nanoTime(),
                    MessageKind.DIRECT_MESSAGE, new Author("race-" + System.nanoTime(), customer, "Racing Rosa"), null,
                    "a DM in the same batch", null, Instant.now())));
            return moved;
        });

        Row end = row();
        assertEquals(after.cursor(), end.cursor(), "the mentions cursor never goes back");
        assertFalse(end.leaseUntil().isBefore(after.leaseUntil()), "the lease never goes back");
        assertNotNull(end.lastMessageAt(), "intake still records the last customer message");
    }

    @Test
    void aCursorMovesOnlyFromWhereThePollStarted() {
        String customer = world.sandboxCustomer(sandbox, "Late Larry");
        sandbox.postMention(customer, TestWorld.MOBILE_HANDLE, "hello", null);
        assertNull(poller.poll(TestWorld.MOBILE).error());
        String current = row().cursor();

        // A poll that started from an older cursor (its lease ran out meanwhile) doesn't put it back.
        QuarkusTransaction.requiringNew().run(() -> assertFalse(
                accounts.moveMentionsCursor(TestWorld.MOBILE, "1", "2", false)));
        assertEquals(current, row().cursor());
        QuarkusTransaction.requiringNew().run(() -> assertTrue(
                accounts.moveMentionsCursor(TestWorld.MOBILE, current, current, false)));
    }

    private Row row() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] values = (Object[]) em.createQuery(
                    "select a.mentionsSinceId, a.leaseUntil, a.lastMessageAt from ChannelAccount a where a.accountKey = :k")
                    .setParameter("k", TestWorld.MOBILE).getSingleResult();
            return new Row((String) values[0], (Instant) values[1], (Instant) values[2]);
        });
    }

    private record Row(String cursor, Instant leaseUntil, Instant lastMessageAt) {
    }
}
