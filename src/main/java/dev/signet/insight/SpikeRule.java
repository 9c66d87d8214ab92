package dev.signet.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether an hour's value (messages, or the share of negative messages) is a spike against the account's own
 * history for the same hour of the week. The robust z-score {@code 0.6745 · (value − median) / MAD} uses the
 * median and the median absolute deviation of the past weeks, so one earlier spike in the history does not hide
 * the next (a mean and standard deviation would be dragged up by it). Only rises count: a drop is not a spike.
 *
 * @param threshold  the z-score from which the value is a spike
 * @param minHistory how many past weeks must have a value
 * @param minMad     the smallest spread assumed, so that a perfectly regular history does not make every small
 *                   change infinitely surprising
 * @param minValue   the smallest value that can be a spike at all
 */
public record SpikeRule(double threshold, int minHistory, double minMad, double minValue) {

    /** 1 / Φ⁻¹(3/4): makes the MAD of normal data comparable with a standard deviation. */
    static final double CONSISTENCY = 0.6745;

    /**
     * The value's standing against its history, or empty when there is too little history to judge.
     *
     * @param history the same hour of the week in past weeks (only weeks that had data)
     */
    public Optional<SpikeScore> score(double value, List<Double> history) {
        if (history.size() < minHistory) {
            return Optional.empty();
        }
        double[] values = history.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = Math.max(median(deviations), minMad);
        double z = CONSISTENCY * (value - median) / mad;
        return Optional.of(new SpikeScore(value, median, mad, z, value >= minValue && z >= threshold));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** An hour's value against its baseline: the median of its history, the spread, the robust z-score. */
    public record SpikeScore(double value, double median, double mad, double z, boolean spike) {
    }
}
