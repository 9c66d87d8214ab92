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
 * gap.detected, gap.recovered (mentions found by search) and gap.lost (posted but not stored; goal 0), and
 * cursor.regressions: updates of the account row, by anyone, that put its mentions cursor or its lease expiry back,
 * recorded by a row trigger while the bench runs (in-process, one replica; the two-writer race itself is
 * {@code CursorOwnershipTest}).
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
        watchCursorRegressions();
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
        BenchReport.print("cursor.regressions", cursorRegressions(), "updates");
        assertEquals(PAUSED_MENTIONS, stored, "every mention posted during the pause is stored");
    }

    /** A row trigger on channel_account counting updates that move the mentions cursor or the lease expiry back. */
    private void watchCursorRegressions() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    create table if not exists bench_cursor_regression (seen timestamptz not null default now(),
                    account_key varchar(64) not null, what varchar(16) not null)""").executeUpdate();
            em.createNativeQuery("truncate bench_cursor_regression").executeUpdate();
            em.createNativeQuery("""
                    create or replace function bench_cursor_watch() returns trigger language plpgsql as $$
                    begin
                      if old.mentions_since_id ~ '^[0-9]+$' and (new.mentions_since_id is null
                          or cast(new.mentions_since_id as numeric) < cast(old.mentions_since_id as numeric)) then
                        insert into bench_cursor_regression(account_key, what) values (new.account_key, 'cursor');
                      end if;
                      if old.lease_until is not null and (new.lease_until is null or new.lease_until < old.lease_until)
                          and new.lease_owner is not distinct from old.lease_owner then
                        insert into bench_cursor_regression(account_key, what) values (new.account_key, 'lease');
                      end if;
                      return new;
                    end $$""").executeUpdate();
            em.createNativeQuery("drop trigger if exists bench_cursor_watch on channel_account").executeUpdate();
            em.createNativeQuery("""
                    create trigger bench_cursor_watch before update on channel_account
                    for each row execute function bench_cursor_watch()""").executeUpdate();
        });
    }

    private long cursorRegressions() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long count = ((Number) em.createNativeQuery("select count(*) from bench_cursor_regression")
                    .getSingleResult()).longValue();
            em.createNativeQuery("drop trigger if exists bench_cursor_watch on channel_account").executeUpdate();
            return count;
        });
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
