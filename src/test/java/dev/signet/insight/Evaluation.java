package dev.signet.insight;

import java.util.List;
import java.util.Locale;

/** Macro-F1, accuracy, per-class F1 and the confusion matrix of predictions against gold labels. */
public record Evaluation(int[][] confusion, int total) {

    public static Evaluation of(List<Sentiment> gold, List<Sentiment> predicted) {
        int[][] confusion = new int[3][3];
        for (int i = 0; i < gold.size(); i++) {
            confusion[gold.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        return new Evaluation(confusion, gold.size());
    }

    public double accuracy() {
        int right = 0;
        for (int k = 0; k < 3; k++) {
            right += confusion[k][k];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    public double f1(Sentiment s) {
        int k = s.ordinal();
        int predicted = 0;
        int actual = 0;
        for (int i = 0; i < 3; i++) {
            predicted += confusion[i][k];
            actual += confusion[k][i];
        }
        double precision = predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
        double recall = actual == 0 ? 0 : (double) confusion[k][k] / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public double macroF1() {
        double sum = 0;
        for (Sentiment s : Sentiment.values()) {
            sum += f1(s);
        }
        return sum / 3;
    }

    /** A readable block: scores, per-class F1 and the confusion matrix (rows gold, columns predicted). */
    public String describe(String name) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: macro-F1 %.3f, accuracy %.3f, F1 positive %.3f / neutral %.3f / negative %.3f (n=%d)%n",
                name, macroF1(), accuracy(), f1(Sentiment.POSITIVE), f1(Sentiment.NEUTRAL), f1(Sentiment.NEGATIVE), total));
        out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "gold\\pred", "positive", "neutral", "negative"));
        for (Sentiment s : Sentiment.values()) {
            int[] row = confusion[s.ordinal()];
            out.append(String.format(Locale.ROOT, "  %-10s %9d %9d %9d%n", s.name().toLowerCase(Locale.ROOT), row[0], row[1], row[2]));
        }
        return out.toString();
    }
}
