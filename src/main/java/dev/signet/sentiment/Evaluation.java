package dev.signet.sentiment;

import java.util.List;
import java.util.Locale;

/**
 * Macro-F1, macro-recall, accuracy, per-class precision, recall and F1, and the confusion matrix of predictions
 * against gold labels (rows gold, columns predicted, in {@link Sentiment} order). Shared by the evaluation of
 * uploaded files, the label-mix gate and the benchmarks, so that every figure is computed one way.
 */
public record Evaluation(int[][] confusion, int total) {

    private static final int CLASSES = Sentiment.values().length;

    public static Evaluation of(List<Sentiment> gold, List<Sentiment> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("Need one prediction per gold label: " + gold.size() + " vs " + predicted.size());
        }
        int[][] confusion = new int[CLASSES][CLASSES];
        for (int i = 0; i < gold.size(); i++) {
            confusion[gold.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        return new Evaluation(confusion, gold.size());
    }

    public double accuracy() {
        int right = 0;
        for (int k = 0; k < CLASSES; k++) {
            right += confusion[k][k];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /** Of the messages predicted {@code s}, the share that are {@code s} (0 when none is predicted). */
    public double precision(Sentiment s) {
        int k = s.ordinal();
        int predicted = 0;
        for (int i = 0; i < CLASSES; i++) {
            predicted += confusion[i][k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    /** Of the messages that are {@code s}, the share predicted {@code s} (0 when the set has none). */
    public double recall(Sentiment s) {
        int k = s.ordinal();
        int actual = 0;
        for (int i = 0; i < CLASSES; i++) {
            actual += confusion[k][i];
        }
        return actual == 0 ? 0 : (double) confusion[k][k] / actual;
    }

    public double f1(Sentiment s) {
        double precision = precision(s);
        double recall = recall(s);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public double macroF1() {
        double sum = 0;
        for (Sentiment s : Sentiment.values()) {
            sum += f1(s);
        }
        return sum / CLASSES;
    }

    /**
     * Mean recall over the classes present in the gold labels: unlike F1 it does not depend on how the set's classes
     * are mixed, so a set sampled with another mix than the traffic (corrections, a brand's test file) still measures
     * what the model would do on each kind of message.
     */
    public double macroRecall() {
        double sum = 0;
        int present = 0;
        for (Sentiment s : Sentiment.values()) {
            int actual = 0;
            for (int i = 0; i < CLASSES; i++) {
                actual += confusion[s.ordinal()][i];
            }
            if (actual > 0) {
                sum += recall(s);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** A readable block: scores, per-class F1 and the confusion matrix (rows gold, columns predicted). */
    public String describe(String name) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: macro-F1 %.3f, macro-recall %.3f, accuracy %.3f, F1 positive %.3f / neutral %.3f / negative %.3f (n=%d)%n",
                name, macroF1(), macroRecall(), accuracy(), f1(Sentiment.POSITIVE), f1(Sentiment.NEUTRAL), f1(Sentiment.NEGATIVE), total));
        out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "gold\\pred", "positive", "neutral", "negative"));
        for (Sentiment s : Sentiment.values()) {
            int[] row = confusion[s.ordinal()];
            out.append(String.format(Locale.ROOT, "  %-10s %9d %9d %9d%n", s.name().toLowerCase(Locale.ROOT), row[0], row[1], row[2]));
        }
        return out.toString();
    }
}
