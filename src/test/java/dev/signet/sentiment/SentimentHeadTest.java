package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The head's training, adaptation, label-mix estimate and byte form, on small synthetic data. */
class SentimentHeadTest {

    private static final HeadTrainer.Settings SETTINGS = new HeadTrainer.Settings(0.001, 200, 0.05);

    /** Three Gaussian clusters in 8 dimensions, one per class. */
    private static List<float[]> cluster(Random random, int perClass, int[] labels, double offset) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < perClass * 3; i++) {
            int k = i % 3;
            labels[i] = k;
            float[] x = new float[8];
            for (int j = 0; j < 8; j++) {
                x[j] = (float) (random.nextGaussian() * 0.5 + (j == k ? 2 + offset : 0));
            }
            rows.add(x);
        }
        return rows;
    }

    @Test
    void learnsSeparableClassesAndRoundTripsThroughBytes() {
        int[] labels = new int[300];
        List<float[]> rows = cluster(new Random(1), 100, labels, 0);
        SentimentHead head = HeadTrainer.fromScratch(rows, labels, SETTINGS);
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            right += SentimentHead.argmax(head.probabilities(rows.get(i))) == labels[i] ? 1 : 0;
        }
        assertTrue(right >= 290, "accuracy on separable clusters: " + right);
        SentimentHead copy = HeadCodec.fromBytes(HeadCodec.toBytes(head));
        assertArrayEquals(head.probabilities(rows.get(0)), copy.probabilities(rows.get(0)), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> HeadCodec.fromBytes(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        assertThrows(IllegalArgumentException.class, () -> head.probabilities(new float[3]));
    }

    @Test
    void adaptingMovesTowardsTheNewLabels() {
        int[] labels = new int[300];
        SentimentHead head = HeadTrainer.fromScratch(cluster(new Random(2), 100, labels, 0), labels, SETTINGS);
        // The brand's traffic: class 0 looks like class 1 did.
        float[] x = new float[8];
        x[1] = 2;
        assertEquals(1, SentimentHead.argmax(head.probabilities(x)));
        List<float[]> corrections = new ArrayList<>();
        int[] corrected = new int[40];
        for (int i = 0; i < 40; i++) {
            corrections.add(x.clone());
        }
        SentimentHead adapted = HeadTrainer.adapt(head, corrections, corrected, SETTINGS);
        assertEquals(0, SentimentHead.argmax(adapted.probabilities(x)));
    }

    @Test
    void theShippedHeadsPullCountsAsAFixedNumberOfCorrections() {
        assertEquals(5.0, HeadTrainer.Settings.anchored(500, 100, 150, 0.01).lambda(), 1e-12);
        assertEquals(0.5, HeadTrainer.Settings.anchored(500, 1000, 150, 0.01).lambda(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> HeadTrainer.Settings.anchored(500, 0, 150, 0.01));

        int[] labels = new int[300];
        SentimentHead head = HeadTrainer.fromScratch(cluster(new Random(2), 100, labels, 0), labels, SETTINGS);
        float[] x = new float[8];
        x[1] = 2;
        x[5] = 2; // what only this brand's phrase has
        // A brand phrase corrected to class 0 among correctly labelled ordinary messages, a few times and many times,
        // against a pull worth 100 corrections: a few must not outvote what the shipped head learned; many must.
        SentimentHead few = adaptedTo(head, x, 3, 100);
        SentimentHead many = adaptedTo(head, x, 300, 100);
        assertEquals(1, SentimentHead.argmax(few.probabilities(x)));
        assertEquals(0, SentimentHead.argmax(many.probabilities(x)));
        assertTrue(few.probabilities(x)[0] > head.probabilities(x)[0], "a few corrections still nudge the head");
        assertTrue(distance(few, head) < distance(many, head), "the more corrections, the further from the anchor");
    }

    private static SentimentHead adaptedTo(SentimentHead head, float[] x, int times, double anchorCorrections) {
        int[] ordinaryLabels = new int[3 * times];
        List<float[]> corrections = new ArrayList<>(cluster(new Random(times), times, ordinaryLabels, 0));
        int[] labels = new int[4 * times];
        System.arraycopy(ordinaryLabels, 0, labels, 0, ordinaryLabels.length);
        for (int i = 0; i < times; i++) {
            corrections.add(x.clone());
        }
        return HeadTrainer.adapt(head, corrections, labels,
                HeadTrainer.Settings.anchored(anchorCorrections, corrections.size(), 200, 0.05));
    }

    private static double distance(SentimentHead a, SentimentHead b) {
        double sum = 0;
        for (int k = 0; k < SentimentHead.CLASSES; k++) {
            for (int j = 0; j < a.dimensions(); j++) {
                double diff = a.weights()[k][j] - b.weights()[k][j];
                sum += diff * diff;
            }
        }
        return Math.sqrt(sum);
    }

    /** Unit-length halves, like the encoders' joined vectors. */
    private static float[] unitHalves(Random random, float[] direction, double noise) {
        float[] x = new float[8];
        for (int j = 0; j < 8; j++) {
            x[j] = (float) (direction[j] + random.nextGaussian() * noise);
        }
        for (int half = 0; half < 8; half += 4) {
            double norm = 0;
            for (int j = half; j < half + 4; j++) {
                norm += x[j] * x[j];
            }
            for (int j = half; j < half + 4; j++) {
                x[j] /= (float) Math.sqrt(norm);
            }
        }
        return x;
    }

    @Test
    void theCorrectionMemoryLearnsABrandPhraseAndLeavesOtherMessagesAlone() {
        int[] labels = new int[300];
        SentimentHead head = HeadTrainer.fromScratch(cluster(new Random(3), 100, labels, 0), labels, SETTINGS);
        Random random = new Random(4);
        // The brand's phrase: the head calls it neutral (class 1); agents corrected it to positive 30 times.
        float[] phrase = { 0.2f, 2, 0.1f, 0, 0.3f, 2, 0, 0.1f };
        float[] other = { 0, 0, 2, 0.1f, 0, 0.2f, 2, 0 };
        // Agents also confirmed messages of another kind (negative, class 2), which the head already gets right.
        List<float[]> corrected = new ArrayList<>();
        int[] correctedLabels = new int[60];
        for (int i = 0; i < 60; i++) {
            corrected.add(unitHalves(random, i < 30 ? phrase : other, 0.05));
            correctedLabels[i] = i < 30 ? 0 : 2;
        }
        CorrectionMemory memory = CorrectionMemory.of(corrected, correctedLabels,
                new CorrectionMemory.Settings(10, 40, 0.05));
        BrandHeads.ActiveHead brand = new BrandHeads.ActiveHead(1, "v1", head, memory);
        float[] again = unitHalves(random, phrase, 0.05);
        assertEquals(1, SentimentHead.argmax(head.probabilities(again)));
        assertEquals(0, SentimentHead.argmax(brand.probabilities(again)), "the brand's corrections win");
        float[] unrelated = unitHalves(random, other, 0.05);
        assertEquals(2, SentimentHead.argmax(head.probabilities(unrelated)));
        double[] p = brand.probabilities(unrelated);
        assertEquals(2, SentimentHead.argmax(p), "messages like confirmed ones keep their label");
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        assertEquals(60.0 / 100, memory.weight(), 1e-9);

        // Stored with the version and read back: the same blend, within int8 rounding of the kept vectors.
        HeadCodec.Model stored = HeadCodec.modelFromBytes(HeadCodec.toBytes(head, memory));
        assertEquals(60, stored.memory().size());
        assertArrayEquals(brand.probabilities(again),
                new BrandHeads.ActiveHead(1, "v1", stored.head(), stored.memory()).probabilities(again), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> memory.blend(new float[3], new double[3]));
    }

    @Test
    void withoutCorrectionsAndForOldVersionsTheHeadAloneScores() {
        int[] labels = new int[300];
        List<float[]> rows = cluster(new Random(5), 100, labels, 0);
        SentimentHead head = HeadTrainer.fromScratch(rows, labels, SETTINGS);
        CorrectionMemory none = CorrectionMemory.of(List.of(), new int[0], new CorrectionMemory.Settings(10, 20, 0.05));
        assertEquals(0, none.weight());
        // A version with no corrections (k = 0) scores exactly as the shipped head.
        HeadCodec.Model empty = HeadCodec.modelFromBytes(HeadCodec.toBytes(head, none));
        // A version stored before memories existed (SGH1) is still read, with an empty memory.
        HeadCodec.Model old = HeadCodec.modelFromBytes(HeadCodec.toBytes(head));
        for (float[] row : rows.subList(0, 20)) {
            double[] expected = head.probabilities(row);
            assertArrayEquals(expected, new BrandHeads.ActiveHead(1, "v", empty.head(), empty.memory()).probabilities(row), 1e-6);
            assertArrayEquals(expected, new BrandHeads.ActiveHead(1, "v", old.head(), old.memory()).probabilities(row), 1e-6);
        }
        assertEquals(0, old.memory().size());
        assertArrayEquals(head.probabilities(rows.get(0)), HeadCodec.fromBytes(HeadCodec.toBytes(head, none))
                .probabilities(rows.get(0)), 1e-6);
    }

    @Test
    void theLabelMixOfUnlabelledTrafficIsEstimated() {
        List<double[]> traffic = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            traffic.add(i < 70 ? new double[] { 0.1, 0.2, 0.7 } : new double[] { 0.6, 0.3, 0.1 });
        }
        double[] prior = PriorEstimate.priors(traffic);
        assertTrue(prior[2] > 0.6, "mostly negative traffic: " + prior[2]);
        assertEquals(1.0, prior[0] + prior[1] + prior[2], 1e-6);
        assertArrayEquals(new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, PriorEstimate.priors(List.of()), 1e-9);
        double[] shift = PriorEstimate.shift(prior, 1.0);
        assertTrue(shift[2] > 0 && shift[0] < 0);
    }

    @Test
    void tweetTextHidesHandlesAndLinks() {
        assertEquals("@user my bag & coat http", TweetText.normalize("@AcmeAir my bag &amp; coat https://t.co/x1"));
        assertEquals("", TweetText.normalize(null));
    }
}
