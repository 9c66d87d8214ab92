package dev.signet.insight;

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
