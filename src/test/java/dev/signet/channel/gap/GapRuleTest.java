package dev.signet.channel.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.signet.channel.FetchResult;

/** When a mentions read leaves a gap, and how big it likely is. */
class GapRuleTest {

    private static Instant at(long id) {
        return Instant.ofEpochSecond(id);
    }

    @Test
    void aReadThatServedAllXHasWithoutMeetingTheCursorLeavesAGap() {
        FetchResult.Gap gap = FetchResult.gapOf("100", 150L, true, GapRuleTest::at);
        assertNotNull(gap);
        assertEquals("100", gap.afterId());
        assertEquals("150", gap.beforeId());
        assertEquals(at(101), gap.from());
        assertEquals(at(150), gap.to());
    }

    @Test
    void noGapWithoutACursorOrWhenTheReadStoppedEarlyOrMetTheCursor() {
        assertNull(FetchResult.gapOf(null, 150L, true, GapRuleTest::at), "no cursor: nothing to miss");
        assertNull(FetchResult.gapOf("100", null, true, GapRuleTest::at), "nothing read");
        assertNull(FetchResult.gapOf("100", 150L, false, GapRuleTest::at), "X has more pages: not at the end");
        assertNull(FetchResult.gapOf("100", 101L, true, GapRuleTest::at), "the oldest read is right above the cursor");
        assertNull(FetchResult.gapOf("100", 90L, true, GapRuleTest::at), "below the cursor");
    }

    @Test
    void aCursorThatIsNoIdIsRefused() {
        assertThrows(NumberFormatException.class, () -> FetchResult.gapOf("not-an-id", 150L, true, GapRuleTest::at));
    }

    @Test
    void theEstimateAssumesTheRateOfTheMentionsReadAfterTheGap() {
        FetchResult.Gap gap = new FetchResult.Gap("1", "2", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:01:00Z"));
        // 800 read over the 40 s since the gap: 20/s, so about 1,200 in its 60 s.
        assertEquals(1200, GapService.estimate(gap, 800, Instant.parse("2026-12-01T10:01:40Z")));
        assertEquals(0, GapService.estimate(gap, 0, Instant.parse("2026-12-01T10:01:40Z")), "nothing read");
        assertEquals(0, GapService.estimate(gap, 800, Instant.parse("2026-12-01T09:00:00Z")), "a clock behind X's");
    }
}
