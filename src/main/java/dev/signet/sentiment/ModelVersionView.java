package dev.signet.sentiment;

import java.time.Instant;
import java.util.Locale;

/**
 * One version of a brand account's sentiment model, as the API and the admin page show it.
 *
 * @param corrections       how many agents' corrections it was trained on
 * @param traffic           how many scored messages its label mix was estimated from (0: none, uniform)
 * @param prior             estimated share of positive, neutral, negative messages
 * @param labelMixApplied   whether its scores apply the label mix (the gate kept it)
 * @param labelMixHeldOut   corrections held out to decide (0: not tested, left off)
 * @param recallWithMix     macro-recall on them with the label mix (null: not tested)
 * @param recallWithoutMix  macro-recall on them without it (null: not tested)
 */
public record ModelVersionView(String accountKey, int number, String label, int corrections, int traffic,
        double[] prior, boolean labelMixApplied, int labelMixHeldOut, Double recallWithMix, Double recallWithoutMix,
        boolean active, Instant createdAt) {

    static ModelVersionView of(SentimentModelVersion v) {
        PriorGate.Decision gate = v.priorGate();
        return new ModelVersionView(v.accountKey(), v.number(), v.label(), v.corrections(), v.traffic(), v.prior(),
                gate.applied(), gate.heldOut(), gate.recallWith(), gate.recallWithout(), v.active(), v.createdAt());
    }

    /** The label mix as "positive 20% · neutral 30% · negative 50%". */
    public String mix() {
        return String.format(Locale.ROOT, "positive %.0f%% · neutral %.0f%% · negative %.0f%%",
                prior[0] * 100, prior[1] * 100, prior[2] * 100);
    }

    /** The gate's decision in words, for the versions page. */
    public String labelMixDecision() {
        if (labelMixHeldOut == 0 || recallWithMix == null || recallWithoutMix == null) {
            return traffic == 0 ? "off: no label mix estimated" : "off: too few corrections to test it";
        }
        return String.format(Locale.ROOT, "%s: macro-recall %.3f with, %.3f without (%d held-out corrections)",
                labelMixApplied ? "on" : "off", recallWithMix, recallWithoutMix, labelMixHeldOut);
    }
}
