package dev.signet.sentiment;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits a {@link SentimentHead}: multinomial logistic regression, class-balanced, with an L2 penalty that pulls the
 * weights towards an anchor head (zero for the shipped model; the shipped head when a brand's corrections adapt
 * it, so the brand's head learns from a few hundred examples without forgetting what the shipped data taught).
 * <p>
 * Written here rather than taken from a library: the Java ML libraries on Maven Central (Smile, Tribuo, liblinear)
 * offer L2 logistic regression, but none with an L2 penalty centred on given weights, which is how a brand's head
 * is adapted without shipping the training texts or their embeddings. Full-batch Adam on standardized features;
 * the problem is convex and small (≤ a few tens of thousands of rows × 768 features).
 */
public final class HeadTrainer {

    /**
     * @param lambda     L2 strength (per example, as the loss is a weighted mean)
     * @param iterations full-batch Adam steps
     * @param rate       Adam's step size
     */
    public record Settings(double lambda, int iterations, double rate) {

        /**
         * Settings for adapting a head to {@code corrections} examples, the anchor's pull counting as much as
         * {@code anchorCorrections} of them: the loss is a mean over the corrections, so λ = anchorCorrections /
         * corrections keeps the pull's total fixed, as a fixed prior would. A brand with 100 corrections barely moves
         * the shipped head (a single λ tuned for 1,000 let it drift below the zero-shot figure); one with 3,000
         * moves it further.
         */
        public static Settings anchored(double anchorCorrections, int corrections, int iterations, double rate) {
            if (corrections <= 0) {
                throw new IllegalArgumentException("Need at least one correction");
            }
            return new Settings(anchorCorrections / corrections, iterations, rate);
        }
    }

    private HeadTrainer() {
    }

    /** Trains a head from scratch; standardization is estimated from {@code rows}. */
    public static SentimentHead fromScratch(List<float[]> rows, int[] labels, Settings settings) {
        int d = rows.get(0).length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.size();
        }
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                double diff = row[j] - mean[j];
                scale[j] += (float) (diff * diff);
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = (float) Math.max(1e-6, Math.sqrt(scale[j] / rows.size()));
        }
        SentimentHead zero = new SentimentHead(mean, scale, new double[SentimentHead.CLASSES][d],
                new double[SentimentHead.CLASSES], new double[SentimentHead.CLASSES]);
        return fit(zero, rows, labels, settings);
    }

    /**
     * Trains a head anchored on {@code anchor}: same standardization, starting from and pulled towards its
     * weights. The result carries no prior shift (it is class-balanced, so its training prior is uniform).
     */
    public static SentimentHead adapt(SentimentHead anchor, List<float[]> rows, int[] labels, Settings settings) {
        return fit(anchor, rows, labels, settings);
    }

    private static SentimentHead fit(SentimentHead anchor, List<float[]> rows, int[] labels, Settings settings) {
        int n = rows.size();
        int d = anchor.dimensions();
        int classes = SentimentHead.CLASSES;
        if (n == 0 || labels.length != n) {
            throw new IllegalArgumentException("Need as many labels as rows, and at least one row");
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = anchor.standardize(rows.get(i));
        }
        // Class-balanced: each class present weighs the same in total.
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int present = (int) IntStream.of(counts).filter(c -> c > 0).count();
        double[] classWeight = new double[classes];
        for (int k = 0; k < classes; k++) {
            classWeight[k] = counts[k] == 0 ? 0 : (double) n / (present * counts[k]);
        }

        double[][] w = new double[classes][];
        for (int k = 0; k < classes; k++) {
            w[k] = anchor.weights()[k].clone();
        }
        double[] b = anchor.bias().clone();
        double[][] m = new double[classes][d + 1];
        double[][] v = new double[classes][d + 1];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int step = 1; step <= settings.iterations(); step++) {
            double[][] gradient = gradient(x, labels, classWeight, w, b);
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j <= d; j++) {
                    double g = gradient[k][j] / n;
                    if (j < d) {
                        g += settings.lambda() * (w[k][j] - anchor.weights()[k][j]);
                    }
                    m[k][j] = beta1 * m[k][j] + (1 - beta1) * g;
                    v[k][j] = beta2 * v[k][j] + (1 - beta2) * g * g;
                    double mHat = m[k][j] / (1 - Math.pow(beta1, step));
                    double vHat = v[k][j] / (1 - Math.pow(beta2, step));
                    double delta = settings.rate() * mHat / (Math.sqrt(vHat) + 1e-8);
                    if (j < d) {
                        w[k][j] -= delta;
                    } else {
                        b[k] -= delta;
                    }
                }
            }
        }
        return new SentimentHead(anchor.mean(), anchor.scale(), w, b, new double[classes]);
    }

    /** Sum over rows of the weighted cross-entropy gradient; the last column is the bias. Runs on all cores. */
    private static double[][] gradient(double[][] x, int[] labels, double[] classWeight, double[][] w, double[] b) {
        int classes = w.length;
        int d = w[0].length;
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), x.length / 256 + 1));
        return IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            double[][] g = new double[classes][d + 1];
            for (int i = chunk; i < x.length; i += chunks) {
                double weight = classWeight[labels[i]];
                double[] z = new double[classes];
                for (int k = 0; k < classes; k++) {
                    double sum = b[k];
                    double[] wk = w[k];
                    double[] xi = x[i];
                    for (int j = 0; j < d; j++) {
                        sum += wk[j] * xi[j];
                    }
                    z[k] = sum;
                }
                double[] p = SentimentHead.softmax(z);
                for (int k = 0; k < classes; k++) {
                    double error = weight * (p[k] - (labels[i] == k ? 1 : 0));
                    double[] gk = g[k];
                    double[] xi = x[i];
                    for (int j = 0; j < d; j++) {
                        gk[j] += error * xi[j];
                    }
                    gk[d] += error;
                }
            }
            return g;
        }).reduce((left, right) -> {
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j <= d; j++) {
                    left[k][j] += right[k][j];
                }
            }
            return left;
        }).orElseThrow();
    }
}
