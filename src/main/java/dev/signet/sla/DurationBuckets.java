package dev.signet.sla;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Fixed log-scale buckets of business seconds, for the daily roll-ups' duration histograms: every second up to 15 s
 * has its own bucket; above, each power of two is cut into 8 equal buckets, so a bucket's width is at most 1/8 of its
 * lower bound. A percentile read from the buckets is the middle of the bucket that holds the value at that rank, so
 * it is within {@link #RELATIVE_ERROR} (1/16, 6.25 %) of it, and exact below 16 s.
 *
 * <p>Hand-written rather than HdrHistogram: the buckets are rows of a table summed by SQL, and the arithmetic is
 * three integer operations; a library histogram would have to be serialised and merged in Java.
 */
public final class DurationBuckets {

    /** The largest relative error of a percentile read from the buckets. */
    public static final double RELATIVE_ERROR = 1.0 / 16;
    /** The bucket that holds the running targets (no duration yet) in the roll-up. */
    public static final int RUNNING = -1;

    private static final int SUB_BITS = 3;
    private static final int EXACT_BELOW = 16;

    private DurationBuckets() {
    }

    /** The bucket of a duration in seconds (negative counts as 0). */
    public static int of(long seconds) {
        if (seconds < EXACT_BELOW) {
            return (int) Math.max(0, seconds);
        }
        int power = 63 - Long.numberOfLeadingZeros(seconds);
        int sub = (int) ((seconds >> (power - SUB_BITS)) & ((1 << SUB_BITS) - 1));
        return (power << SUB_BITS) + sub;
    }

    /** The smallest duration in the bucket. */
    public static long lower(int bucket) {
        if (bucket < EXACT_BELOW) {
            return bucket;
        }
        int power = bucket >> SUB_BITS;
        long sub = bucket & ((1 << SUB_BITS) - 1);
        return ((1L << SUB_BITS) + sub) << (power - SUB_BITS);
    }

    /** The largest duration in the bucket. */
    public static long upper(int bucket) {
        if (bucket < EXACT_BELOW) {
            return bucket;
        }
        return lower(bucket) + (1L << ((bucket >> SUB_BITS) - SUB_BITS)) - 1;
    }

    /** The figure a bucket stands for: the middle of its range. */
    public static double middle(int bucket) {
        return (lower(bucket) + upper(bucket)) / 2.0;
    }

    /**
     * The nearest-rank percentile (the ⌈percent·n/100⌉-th smallest duration, in integers: no rounding error in the
     * rank) of a histogram (bucket → count, running bucket excluded), as the middle of its bucket; null when empty.
     */
    public static Double percentile(NavigableMap<Integer, Long> histogram, int percent) {
        long n = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            if (e.getKey() >= 0) {
                n += e.getValue();
            }
        }
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (percent * n + 99) / 100);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            if (e.getKey() < 0) {
                continue;
            }
            seen += e.getValue();
            if (seen >= rank) {
                return middle(e.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n + " durations");
    }
}
