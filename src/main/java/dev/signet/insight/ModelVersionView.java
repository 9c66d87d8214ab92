package dev.signet.insight;

import java.time.Instant;

/**
 * One version of a brand account's sentiment model, as the API and the admin page show it.
 *
 * @param corrections how many agents' corrections it was trained on
 * @param traffic     how many scored messages its label mix was estimated from (0: none, uniform)
 * @param prior       estimated share of positive, neutral, negative messages
 */
public record ModelVersionView(String accountKey, int number, String label, int corrections, int traffic,
        double[] prior, boolean active, Instant createdAt) {

    static ModelVersionView of(SentimentModelVersion v) {
        return new ModelVersionView(v.accountKey(), v.number(), v.label(), v.corrections(), v.traffic(), v.prior(),
                v.active(), v.createdAt());
    }

    /** The label mix as "positive 20% · neutral 30% · negative 50%". */
    public String mix() {
        return String.format(java.util.Locale.ROOT, "positive %.0f%% · neutral %.0f%% · negative %.0f%%",
                prior[0] * 100, prior[1] * 100, prior[2] * 100);
    }
}
