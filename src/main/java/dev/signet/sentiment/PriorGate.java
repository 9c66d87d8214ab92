package dev.signet.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Decides whether a brand's version applies its estimated label mix ({@link PriorEstimate}): only when the mix makes
 * the version better on the brand's own corrections. Every {@code folds}-th correction (in the order they were made)
 * is held out; a model is fitted on the others by the same recipe as the version, and the held-out corrections are
 * predicted with and without the label-mix shift. The mix is applied only if it raises <b>macro-recall</b> on them.
 * <p>
 * Macro-recall rather than macro-F1: corrections are not a sample of the traffic — agents correct what the model got
 * wrong, so their class mix is not the brand's. Recall per class does not depend on that mix; precision, and so F1,
 * does, and would judge a label-mix shift against the wrong mix. Measured from outside, the estimated mix lowered
 * macro-recall on a held-out tweet set (it overestimated negatives) and raised it on the airline set: the gate keeps
 * the step only where the brand's own data shows it helps. Too few corrections to test (fewer than
 * {@code minHeldOut} held out) leaves it off.
 */
public final class PriorGate {

    /**
     * The gate's decision for one version.
     *
     * @param applied       whether the version's scores apply the label mix
     * @param heldOut       corrections held out to decide (0: not tested)
     * @param recallWith    macro-recall on them with the label mix (null: not tested)
     * @param recallWithout macro-recall on them without it (null: not tested)
     */
    public record Decision(boolean applied, int heldOut, Double recallWith, Double recallWithout) {

        /** Not tested (no label mix estimated, or too few corrections): left off. */
        public static Decision untested() {
            return new Decision(false, 0, null, null);
        }

        public boolean tested() {
            return heldOut > 0;
        }
    }

    /**
     * @param folds      one correction in this many is held out
     * @param minHeldOut no decision is made on fewer held-out corrections (the step stays off)
     * @param strength   the label mix's strength as versions apply it ({@code prior-strength})
     */
    public record Settings(int folds, int minHeldOut, double strength) {
    }

    private PriorGate() {
    }

    /**
     * @param rows   the corrections' features, oldest first
     * @param labels their labels ({@link Sentiment} ordinals)
     * @param prior  the label mix estimated from the account's traffic
     * @param fit    the version's recipe: a model fitted on the given corrections
     */
    public static Decision decide(List<float[]> rows, int[] labels, double[] prior, Settings settings,
            BiFunction<List<float[]>, int[], HeadCodec.Model> fit) {
        if (isUniform(prior) || settings.folds() < 2) {
            return Decision.untested();
        }
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<float[]> heldRows = new ArrayList<>();
        List<Sentiment> heldGold = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i % settings.folds() == settings.folds() - 1) {
                heldRows.add(rows.get(i));
                heldGold.add(Sentiment.values()[labels[i]]);
            } else {
                trainRows.add(rows.get(i));
                trainLabels.add(labels[i]);
            }
        }
        if (heldRows.size() < Math.max(1, settings.minHeldOut()) || trainRows.isEmpty()) {
            return Decision.untested();
        }
        HeadCodec.Model model = fit.apply(trainRows, trainLabels.stream().mapToInt(Integer::intValue).toArray());
        double[] shift = PriorEstimate.shift(prior, settings.strength());
        BrandHeads.ActiveHead with = new BrandHeads.ActiveHead(0, "gate-with", model.head().withPriorShift(shift),
                model.memory());
        BrandHeads.ActiveHead without = new BrandHeads.ActiveHead(0, "gate-without",
                model.head().withPriorShift(new double[SentimentHead.CLASSES]), model.memory());
        double recallWith = Evaluation.of(heldGold, predict(with, heldRows)).macroRecall();
        double recallWithout = Evaluation.of(heldGold, predict(without, heldRows)).macroRecall();
        return new Decision(recallWith > recallWithout, heldRows.size(), recallWith, recallWithout);
    }

    private static List<Sentiment> predict(BrandHeads.ActiveHead head, List<float[]> rows) {
        return rows.stream().map(f -> Sentiment.values()[SentimentHead.argmax(head.probabilities(f))]).toList();
    }

    private static boolean isUniform(double[] prior) {
        for (double p : prior) {
            if (Math.abs(p - 1.0 / prior.length) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
