package dev.signet.sentiment;

import java.util.List;

/**
 * Estimates the label mix of unlabelled traffic from a head's raw class probabilities, by the EM procedure of
 * Saerens, Latinne &amp; Decaestecker (2002, "Adjusting the outputs of a classifier to new a priori
 * probabilities"), and turns it into the log-prior shift a {@link SentimentHead} applies. The heads are trained
 * class-balanced, so their training prior is uniform. A brand whose customers mostly complain gets a head that
 * expects complaints, without anyone labelling anything.
 */
public final class PriorEstimate {

    private static final int MAX_ROUNDS = 100;
    /** No class is assumed rarer than this, so a quiet week cannot make a class unpredictable. */
    private static final double FLOOR = 0.02;

    private PriorEstimate() {
    }

    /** The estimated class priors of the traffic whose raw probabilities are given. */
    public static double[] priors(List<double[]> rawProbabilities) {
        int classes = SentimentHead.CLASSES;
        double[] trained = new double[classes];
        java.util.Arrays.fill(trained, 1.0 / classes);
        double[] prior = trained.clone();
        if (rawProbabilities.isEmpty()) {
            return prior;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double[] next = new double[classes];
            for (double[] p : rawProbabilities) {
                double total = 0;
                double[] adjusted = new double[classes];
                for (int k = 0; k < classes; k++) {
                    adjusted[k] = prior[k] / trained[k] * p[k];
                    total += adjusted[k];
                }
                for (int k = 0; k < classes; k++) {
                    next[k] += adjusted[k] / total;
                }
            }
            double total = 0;
            for (int k = 0; k < classes; k++) {
                next[k] = Math.max(FLOOR, next[k] / rawProbabilities.size());
                total += next[k];
            }
            double change = 0;
            for (int k = 0; k < classes; k++) {
                next[k] /= total;
                change += Math.abs(next[k] - prior[k]);
            }
            prior = next;
            if (change < 1e-6) {
                break;
            }
        }
        return prior;
    }

    /** log(prior / uniform) per class, scaled by {@code strength} (1 = the full Bayes correction). */
    public static double[] shift(double[] prior, double strength) {
        double[] shift = new double[prior.length];
        for (int k = 0; k < prior.length; k++) {
            shift[k] = strength * Math.log(prior[k] * prior.length);
        }
        return shift;
    }
}
