package dev.signet.sentiment;

import java.util.Arrays;

/**
 * The trained part of the sentiment model: a multinomial logistic regression over the standardized sentence
 * embeddings, plus a log-prior shift that adapts it to the label mix of the traffic it scores. Classes are in
 * {@link Sentiment} order. Immutable; arrays are never handed out for writing.
 *
 * @param mean       per-feature mean used to standardize (from the shipped training data; kept by brand heads)
 * @param scale      per-feature standard deviation used to standardize
 * @param weights    one row per class
 * @param bias       one per class
 * @param priorShift added to the logits at scoring: log(target prior / training prior) per class
 */
public record SentimentHead(float[] mean, float[] scale, double[][] weights, double[] bias, double[] priorShift) {

    public static final int CLASSES = Sentiment.values().length;

    public int dimensions() {
        return mean.length;
    }

    /** Class probabilities as the head learned them (no prior shift): what the prior estimate works from. */
    public double[] rawProbabilities(float[] features) {
        return softmax(logits(standardize(features), null));
    }

    /** Class probabilities for the traffic the head is adapted to (prior shift applied). */
    public double[] probabilities(float[] features) {
        return softmax(logits(standardize(features), priorShift));
    }

    public SentimentHead withPriorShift(double[] shift) {
        return new SentimentHead(mean, scale, weights, bias, shift.clone());
    }

    double[] standardize(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("Expected " + mean.length + " features, got " + features.length);
        }
        double[] x = new double[features.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = (features[j] - mean[j]) / scale[j];
        }
        return x;
    }

    double[] logits(double[] x, double[] shift) {
        double[] z = new double[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            double sum = bias[k] + (shift == null ? 0 : shift[k]);
            double[] w = weights[k];
            for (int j = 0; j < x.length; j++) {
                sum += w[j] * x[j];
            }
            z[k] = sum;
        }
        return z;
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double[] p = new double[z.length];
        double total = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            total += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= total;
        }
        return p;
    }

    public static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
