package dev.signet.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment models side by side on one labelled set: each model's macro-F1, macro-recall, accuracy, per-class F1
 * and confusion matrix, and a few texts the focus model (the account's active version) got wrong, with what every
 * model said. What {@code POST /api/sentiment/evaluations}, the admin page and the engineers' command show.
 *
 * @param accountKey    the account whose active version was evaluated (null for the command)
 * @param rows          labelled texts evaluated
 * @param gold          how many of them are positive, neutral, negative
 * @param models        the models, in the order compared
 * @param examplesOf    the focus model's name
 * @param misclassified texts the focus model got wrong, spread over the gold classes
 * @param imported      texts imported as the account's corrections (0 unless asked)
 */
public record EvaluationReport(String accountKey, int rows, ClassCounts gold, List<ModelResult> models,
        String examplesOf, List<Misclassified> misclassified, int imported) {

    /** Counts per class. */
    public record ClassCounts(int positive, int neutral, int negative) {
    }

    /** One model's predictions on the set, before they are scored. */
    public record Predictions(String name, String version, List<Sentiment> labels) {
    }

    /** One gold class's row of a confusion matrix: how its texts were predicted. */
    public record ConfusionRow(String gold, int positive, int neutral, int negative) {
    }

    /** One model's figures. */
    public record ModelResult(String name, String version, double macroF1, double macroRecall, double accuracy,
            double f1Positive, double f1Neutral, double f1Negative, List<ConfusionRow> confusion) {

        static ModelResult of(String name, String version, Evaluation e) {
            List<ConfusionRow> rows = new ArrayList<>();
            for (Sentiment s : Sentiment.values()) {
                int[] row = e.confusion()[s.ordinal()];
                rows.add(new ConfusionRow(lower(s), row[0], row[1], row[2]));
            }
            return new ModelResult(name, version, e.macroF1(), e.macroRecall(), e.accuracy(), e.f1(Sentiment.POSITIVE),
                    e.f1(Sentiment.NEUTRAL), e.f1(Sentiment.NEGATIVE), rows);
        }
    }

    /** A text the focus model got wrong: its gold label and each model's label, in the order of {@link #models}. */
    public record Misclassified(String text, String gold, List<String> predicted) {
    }

    /**
     * Scores each model's predictions against the gold labels and picks up to {@code examples} texts the model at
     * {@code focus} got wrong, taking the gold classes in turn so one class's errors don't hide the others'.
     */
    public static EvaluationReport compare(String accountKey, List<LabelledFile.LabelledText> set,
            List<Predictions> predictions, int focus, int examples, int imported) {
        List<Sentiment> gold = set.stream().map(LabelledFile.LabelledText::label).toList();
        List<ModelResult> models = predictions.stream()
                .map(p -> ModelResult.of(p.name(), p.version(), Evaluation.of(gold, p.labels()))).toList();
        List<List<Integer>> wrongByClass = new ArrayList<>();
        for (int k = 0; k < Sentiment.values().length; k++) {
            wrongByClass.add(new ArrayList<>());
        }
        List<Sentiment> focused = predictions.get(focus).labels();
        for (int i = 0; i < set.size(); i++) {
            if (focused.get(i) != gold.get(i)) {
                wrongByClass.get(gold.get(i).ordinal()).add(i);
            }
        }
        List<Integer> picked = new ArrayList<>();
        for (int round = 0; picked.size() < examples; round++) {
            boolean any = false;
            for (List<Integer> wrong : wrongByClass) {
                if (round < wrong.size() && picked.size() < examples) {
                    picked.add(wrong.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        picked.sort(null);
        List<Misclassified> misclassified = picked.stream().map(i -> new Misclassified(set.get(i).text(),
                lower(gold.get(i)), predictions.stream().map(p -> lower(p.labels().get(i))).toList())).toList();
        int[] counts = new int[Sentiment.values().length];
        gold.forEach(s -> counts[s.ordinal()]++);
        return new EvaluationReport(accountKey, set.size(), new ClassCounts(counts[0], counts[1], counts[2]), models,
                models.get(focus).name(), misclassified, imported);
    }

    /** A plain-text table of the figures, for the command and logs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d labelled texts: positive %d, neutral %d, negative %d%n", rows,
                gold.positive(), gold.neutral(), gold.negative()));
        out.append(String.format(Locale.ROOT, "%-40s %8s %12s %8s %8s %8s %8s%n", "model", "macro-F1", "macro-recall",
                "accuracy", "F1 pos", "F1 neu", "F1 neg"));
        for (ModelResult m : models) {
            out.append(String.format(Locale.ROOT, "%-40s %8.3f %12.3f %8.3f %8.3f %8.3f %8.3f%n", m.name(), m.macroF1(),
                    m.macroRecall(), m.accuracy(), m.f1Positive(), m.f1Neutral(), m.f1Negative()));
        }
        for (ModelResult m : models) {
            out.append(String.format(Locale.ROOT, "confusion of %s (%s), rows gold, columns predicted:%n", m.name(), m.version()));
            out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "gold\\pred", "positive", "neutral", "negative"));
            for (ConfusionRow r : m.confusion()) {
                out.append(String.format(Locale.ROOT, "  %-10s %9d %9d %9d%n", r.gold(), r.positive(), r.neutral(), r.negative()));
            }
        }
        if (!misclassified.isEmpty()) {
            out.append("misclassified by ").append(examplesOf)
                    .append(" (gold → ").append(String.join(" / ", models.stream().map(ModelResult::name).toList()))
                    .append("):\n");
            for (Misclassified m : misclassified) {
                out.append("  [").append(m.gold()).append(" → ").append(String.join(" / ", m.predicted())).append("] ")
                        .append(m.text().replaceAll("\\s+", " ")).append('\n');
            }
        }
        return out.toString();
    }

    private static String lower(Sentiment s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
