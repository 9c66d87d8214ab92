package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The label-mix gate on crafted corrections. The head reads one feature: clearly positive (+1) or negative (−1)
 * messages are easy; borderline ones (+0.05) lean positive without a label mix. With a label mix that expects
 * mostly negatives, they read negative. Whether that helps depends on what the brand's agents said they are.
 */
class PriorGateTest {

    /** Expected mix: mostly negative, as estimated from a complaining brand's traffic. */
    private static final double[] NEGATIVE_HEAVY = { 0.15, 0.15, 0.70 };
    private static final PriorGate.Settings SETTINGS = new PriorGate.Settings(5, 20, 1.0);

    private static final SentimentHead HEAD = new SentimentHead(new float[] { 0 }, new float[] { 1 },
            new double[][] { { 4 }, { 0 }, { -4 } }, new double[3], new double[3]);

    @Test
    void theLabelMixIsAppliedWhenItMakesTheHeldOutCorrectionsRightAndBothFiguresAreKept() {
        // Borderline messages this brand's agents call negative: the negative-heavy mix gets them right.
        Corrections c = corrections(Sentiment.NEGATIVE);
        AtomicInteger fittedOn = new AtomicInteger();
        PriorGate.Decision d = PriorGate.decide(c.rows, c.labels, NEGATIVE_HEAVY, SETTINGS, (rows, labels) -> {
            fittedOn.set(rows.size());
            return new HeadCodec.Model(HEAD, CorrectionMemory.empty(1));
        });
        assertTrue(d.applied());
        assertEquals(c.rows.size() / 5, d.heldOut());
        assertEquals(c.rows.size() - d.heldOut(), fittedOn.get(), "the trial model never sees the held-out corrections");
        assertTrue(d.recallWith() > d.recallWithout(), d.toString());
    }

    @Test
    void theLabelMixIsLeftOffWhenItMakesTheHeldOutCorrectionsWorse() {
        // The same borderline messages, but this brand's agents call them positive: the mix would turn them negative.
        Corrections c = corrections(Sentiment.POSITIVE);
        PriorGate.Decision d = PriorGate.decide(c.rows, c.labels, NEGATIVE_HEAVY, SETTINGS,
                (rows, labels) -> new HeadCodec.Model(HEAD, CorrectionMemory.empty(1)));
        assertFalse(d.applied());
        assertTrue(d.recallWith() < d.recallWithout(), d.toString());
        assertEquals(c.rows.size() / 5, d.heldOut());
    }

    @Test
    void withTooFewCorrectionsOrNoEstimatedMixTheStepStaysOffUntested() {
        Corrections c = corrections(Sentiment.NEGATIVE);
        PriorGate.Decision few = PriorGate.decide(c.rows.subList(0, 60), java.util.Arrays.copyOf(c.labels, 60),
                NEGATIVE_HEAVY, SETTINGS, (rows, labels) -> new HeadCodec.Model(HEAD, CorrectionMemory.empty(1)));
        assertFalse(few.applied());
        assertEquals(0, few.heldOut());
        assertNull(few.recallWith());
        PriorGate.Decision uniform = PriorGate.decide(c.rows, c.labels, new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 },
                SETTINGS, (rows, labels) -> {
                    throw new AssertionError("nothing to test: no model is fitted");
                });
        assertFalse(uniform.applied());
        assertFalse(uniform.tested());
    }

    private record Corrections(List<float[]> rows, int[] labels) {
    }

    /** 150 corrections: 50 clearly positive, 50 clearly negative, 50 borderline with the given label, interleaved. */
    private static Corrections corrections(Sentiment borderline) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new float[] { 1f });
            labels.add(Sentiment.POSITIVE.ordinal());
            rows.add(new float[] { -1f });
            labels.add(Sentiment.NEGATIVE.ordinal());
            rows.add(new float[] { 0.05f });
            labels.add(borderline.ordinal());
        }
        return new Corrections(rows, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
