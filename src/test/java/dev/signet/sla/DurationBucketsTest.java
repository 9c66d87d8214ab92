package dev.signet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class DurationBucketsTest {

    @Test
    void everyDurationFallsInsideItsBucketAndTheMiddleIsWithinTheBound() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long s = i < 5_000 ? i : (long) Math.exp(random.nextDouble() * Math.log(40_000_000_000L));
            int b = DurationBuckets.of(s);
            assertTrue(DurationBuckets.lower(b) <= s && s <= DurationBuckets.upper(b), s + " in bucket " + b);
            assertTrue(Math.abs(DurationBuckets.middle(b) - s) <= s * DurationBuckets.RELATIVE_ERROR, s + " vs " + b);
        }
    }

    @Test
    void bucketsAreOrderedAndExactBelowSixteenSeconds() {
        for (long s = 0; s < 16; s++) {
            assertEquals(s, DurationBuckets.middle(DurationBuckets.of(s)));
        }
        long last = -1;
        for (long s = 0; s < 100_000; s++) {
            int b = DurationBuckets.of(s);
            assertTrue(b >= last, "monotone at " + s);
            last = b;
        }
        assertEquals(0, DurationBuckets.of(-5), "a negative duration counts as none");
        assertEquals(Long.MAX_VALUE, DurationBuckets.upper(DurationBuckets.of(Long.MAX_VALUE)));
    }

    @Test
    void percentilesAreNearestRankWithoutRoundingTheRank() {
        NavigableMap<Integer, Long> h = new TreeMap<>();
        assertNull(DurationBuckets.percentile(h, 50));
        h.put(DurationBuckets.RUNNING, 99L);
        assertNull(DurationBuckets.percentile(h, 50), "running targets have no duration");
        // ten durations 1..10 s: the median is the 5th, p90 the 9th (0.9 × 10 is 9, not 9.000…2 rounded up)
        for (long s = 1; s <= 10; s++) {
            h.merge(DurationBuckets.of(s), 1L, Long::sum);
        }
        assertEquals(5.0, DurationBuckets.percentile(h, 50));
        assertEquals(9.0, DurationBuckets.percentile(h, 90));
        assertEquals(1.0, DurationBuckets.percentile(h, 0));
        assertEquals(10.0, DurationBuckets.percentile(h, 100));
    }
}
