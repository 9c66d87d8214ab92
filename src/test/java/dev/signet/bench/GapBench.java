package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.channel.ChannelPoller;
import dev.signet.channel.gap.GapService;
import dev.signet.channel.gap.GapState;
import dev.signet.channel.gap.GapView;
import dev.signet.sandbox.SandboxService;
import dev.signet.testsupport.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mentions posted while polling pauses, more than X's timeline serves back (800): as a 75 s pause at 20
 * mentions/s would leave, without waiting 75 s. Polling then resumes until no gap is open (bounded). Prints
 * gap.detected, gap.recovered (mentions found by search) and gap.lost (posted but not stored; goal 0).
 */
@QuarkusTest
@Tag("bench")
class GapBench {

    private static final int PAUSED_MENTIONS = 1_500;
    private static final int CUSTOMERS = 20;
    private static final int MAX_POLLS = 20;

    @Inject
    ChannelPoller poller;
    @Inject
    SandboxService sandbox;
    @Inject
    GapService gaps;
    @Inject
    TestWorld world;
    @Inject
    EntityManager em;

    @Test
    void aPauseBeyondWhatXServesBackLosesNothing() {
        world.sandboxBrands(sandbox);
        String tag = "gapbench" + System.nanoTime();
        String[] customers = new String[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            customers[i] = world.sandboxCustomer(sandbox, "Gap Bench " + i);
        }
        sandbox.postMention(customers[0], TestWorld.AIR_HANDLE, tag + " before the pause", null);
        assertNull(poller.poll(TestWorld.AIR).error());
        long lastGapBefore = newestGapId();

        for (int i = 0; i < PAUSED_MENTIONS; i++) {
            sandbox.postMention(customers[i % CUSTOMERS], TestWorld.AIR_HANDLE, tag + " during the pause " + i, null);
        }
        int polls = 0;
        do {
            assertNull(poller.poll(TestWorld.AIR).error());
            polls++;
        } while (polls < MAX_POLLS && newGaps(lastGapBefore).stream().anyMatch(gap -> gap.state() == GapState.OPEN));

        List<GapView> found = newGaps(lastGapBefore);
        long stored = stored(tag) - 1;
        BenchReport.print("gap.detected", found.size(), "gaps");
        BenchReport.print("gap.recovered", found.stream().mapToInt(GapView::recovered).sum(), "msg");
        BenchReport.print("gap.lost", PAUSED_MENTIONS - stored, "msg");
        BenchReport.print("gap.polls_to_recover", polls, "polls");
        assertEquals(PAUSED_MENTIONS, stored, "every mention posted during the pause is stored");
    }

    private long newestGapId() {
        return gaps.latest(TestWorld.AIR).stream().mapToLong(GapView::id).max().orElse(0);
    }

    private List<GapView> newGaps(long after) {
        return gaps.latest(TestWorld.AIR).stream().filter(gap -> gap.id() > after).toList();
    }

    private long stored(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(distinct m.externalId) from Message m where m.text like :t", Long.class)
                .setParameter("t", "%" + tag + "%").getSingleResult());
    }
}
