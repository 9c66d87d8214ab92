package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The evaluation's maths on a small confusion matrix computed by hand, and the report built on it. */
class EvaluationTest {

    private static final Sentiment P = Sentiment.POSITIVE;
    private static final Sentiment U = Sentiment.NEUTRAL;
    private static final Sentiment N = Sentiment.NEGATIVE;

    /**
     * Gold × predicted (rows gold, columns predicted, order positive, neutral, negative):
     * <pre>
     *            pos neu neg
     *   pos       3   1   0     (4 positive)
     *   neu       1   2   1     (4 neutral)
     *   neg       0   2   6     (8 negative)
     * </pre>
     * Precision: pos 3/4, neu 2/5, neg 6/7. Recall: pos 3/4, neu 2/4, neg 6/8. F1: pos 0.75, neu 2·0.4·0.5/0.9 =
     * 0.4444, neg 2·(6/7)·0.75/((6/7)+0.75) = 0.8. Macro-F1 (0.75 + 0.4444 + 0.8) / 3 = 0.6648. Macro-recall
     * (0.75 + 0.5 + 0.75) / 3 = 0.6667. Accuracy 11/16 = 0.6875.
     */
    private static Evaluation handComputed() {
        List<Sentiment> gold = new ArrayList<>();
        List<Sentiment> predicted = new ArrayList<>();
        add(gold, predicted, P, P, 3);
        add(gold, predicted, P, U, 1);
        add(gold, predicted, U, P, 1);
        add(gold, predicted, U, U, 2);
        add(gold, predicted, U, N, 1);
        add(gold, predicted, N, U, 2);
        add(gold, predicted, N, N, 6);
        return Evaluation.of(gold, predicted);
    }

    @Test
    void figuresMatchTheHandComputedMatrix() {
        Evaluation e = handComputed();
        assertEquals(16, e.total());
        assertEquals(3, e.confusion()[0][0]);
        assertEquals(2, e.confusion()[2][1]);
        assertEquals(0.75, e.precision(P), 1e-9);
        assertEquals(0.4, e.precision(U), 1e-9);
        assertEquals(6.0 / 7, e.precision(N), 1e-9);
        assertEquals(0.5, e.recall(U), 1e-9);
        assertEquals(0.75, e.f1(P), 1e-9);
        assertEquals(4.0 / 9, e.f1(U), 1e-9);
        assertEquals(0.8, e.f1(N), 1e-9);
        assertEquals((0.75 + 4.0 / 9 + 0.8) / 3, e.macroF1(), 1e-9);
        assertEquals(2.0 / 3, e.macroRecall(), 1e-9);
        assertEquals(11.0 / 16, e.accuracy(), 1e-9);
    }

    @Test
    void aClassAbsentFromTheGoldLabelsDoesNotCountInMacroRecallAndNothingDividesByZero() {
        Evaluation e = Evaluation.of(List.of(P, P, N, N), List.of(P, U, N, N));
        assertEquals((0.5 + 1.0) / 2, e.macroRecall(), 1e-9);
        assertEquals(0, e.f1(U), 1e-9);
        assertEquals(0, Evaluation.of(List.of(), List.of()).accuracy(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(List.of(P), List.of()));
    }

    @Test
    void theReportPutsModelsSideBySideAndPicksMisclassifiedTextsOfEveryClass() {
        List<LabelledFile.LabelledText> set = new ArrayList<>();
        List<Sentiment> focus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            set.add(new LabelledFile.LabelledText("negative " + i, N));
            focus.add(i < 6 ? P : N); // six negatives read as positive
        }
        set.add(new LabelledFile.LabelledText("positive wrong", P));
        focus.add(U);
        set.add(new LabelledFile.LabelledText("neutral wrong", U));
        focus.add(N);
        List<Sentiment> gold = set.stream().map(LabelledFile.LabelledText::label).toList();
        EvaluationReport report = EvaluationReport.compare("air", set, List.of(
                new EvaluationReport.Predictions("perfect", "p1", gold),
                new EvaluationReport.Predictions("focus", "f1", focus)), 1, 3, 0);

        assertEquals(12, report.rows());
        assertEquals(new EvaluationReport.ClassCounts(1, 1, 10), report.gold());
        assertEquals(1.0, report.models().get(0).macroF1(), 1e-9);
        assertEquals(Evaluation.of(gold, focus).macroF1(), report.models().get(1).macroF1(), 1e-9);
        assertEquals(new EvaluationReport.ConfusionRow("negative", 6, 0, 4), report.models().get(1).confusion().get(2));
        assertEquals("focus", report.examplesOf());
        // Three examples: one of each gold class, not three negatives, in file order.
        assertEquals(List.of("negative 0", "positive wrong", "neutral wrong"),
                report.misclassified().stream().map(EvaluationReport.Misclassified::text).toList());
        assertEquals(List.of("positive", "neutral"), report.misclassified().get(1).predicted());
    }

    private static void add(List<Sentiment> gold, List<Sentiment> predicted, Sentiment g, Sentiment p, int times) {
        for (int i = 0; i < times; i++) {
            gold.add(g);
            predicted.add(p);
        }
    }
}
