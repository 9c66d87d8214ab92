package dev.signet.sandbox;

/**
 * Fault modes of the fake X Activity API, for tests and benchmarks: what X's push may do to a care tool. Rates are
 * per delivered event, drawn from a generator seeded with {@code seed} so that a run can be repeated.
 *
 * @param dropRate        share of events never delivered (nor kept for backfill or replay): only polling finds them
 * @param duplicateRate   share of events delivered twice
 * @param outOfOrderRate  share of events held back and delivered after the next one (or 200 ms later)
 * @param cutStreamEvery  after every this many events written to streams, every open stream is cut (0: never)
 * @param streamCuts      how many cuts at most ({@code cutStreamEvery}); 0 with a positive {@code cutStreamEvery}
 *                        means no limit
 * @param badSignatures   the next this many webhook deliveries carry a wrong signature
 * @param crcFailures     the next this many CRC checks count as failed whatever the webhook answers
 * @param seed            seed of the random draws
 */
public record SandboxPushFaults(double dropRate, double duplicateRate, double outOfOrderRate, int cutStreamEvery,
        int streamCuts, int badSignatures, int crcFailures, long seed) {

    /** No fault. */
    public static final SandboxPushFaults NONE = new SandboxPushFaults(0, 0, 0, 0, 0, 0, 0, 1);

    boolean valid() {
        return rate(dropRate) && rate(duplicateRate) && rate(outOfOrderRate) && cutStreamEvery >= 0 && streamCuts >= 0
                && badSignatures >= 0 && crcFailures >= 0;
    }

    private static boolean rate(double value) {
        return value >= 0 && value <= 1;
    }
}
