package dev.signet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.insight.Evaluation;
import dev.signet.insight.HeadCodec;
import dev.signet.insight.HeadTrainer;
import dev.signet.insight.LexiconScorer;
import dev.signet.insight.PriorEstimate;
import dev.signet.insight.SentenceEmbeddings;
import dev.signet.insight.Sentiment;
import dev.signet.insight.SentimentDatasets;
import dev.signet.insight.SentimentHead;
import dev.signet.insight.TweetText;

/**
 * The sentiment evaluation harness, on ../shared/data/airline-sentiment.csv (evaluation only: nothing shipped is
 * trained on it). In one run: the shipped model (encoders + head) scores every airline tweet on 2 worker threads
 * (texts/s), zero-shot, with the label mix estimated from the unlabelled tweets as the adaptation does for an
 * account's traffic; the lexicon baseline on the same tweets; and the learning curve: k = 0, 100, 300, 1,000
 * simulated agent corrections drawn from 40% of the (de-duplicated) set, each adapted head evaluated on the other
 * 60% — never on a message it learned from. About 1–3 minutes on 2 idle cores.
 */
@Tag("bench")
class SentimentBench {

    private static final int THREADS = 2;
    private static final int WARMUP = 200;
    private static final int[] CURVE = { 0, 100, 300, 1000 };
    /** The adaptation's production settings (SentimentConfig defaults). */
    private static final HeadTrainer.Settings ADAPT = new HeadTrainer.Settings(0.3, 150, 0.01);

    @Test
    void airline() throws Exception {
        List<SentimentDatasets.Labelled> all = dedupe(SentimentDatasets.readAirline(SentimentDatasets.airline()));
        List<Sentiment> gold = all.stream().map(SentimentDatasets.Labelled::label).toList();
        SentimentHead shipped = shippedHead();

        List<float[]> features;
        double textsPerSecond;
        try (SentenceEmbeddings embeddings = SentenceEmbeddings.load()) {
            score(embeddings, shipped, all.subList(0, WARMUP));
            long start = System.nanoTime();
            features = score(embeddings, shipped, all);
            textsPerSecond = all.size() / ((System.nanoTime() - start) / 1e9);
        }

        // Zero-shot: the shipped head, its label mix estimated from the same tweets without their labels.
        List<double[]> raw = features.stream().map(shipped::rawProbabilities).toList();
        double[] prior = PriorEstimate.priors(raw);
        SentimentHead adapted = shipped.withPriorShift(PriorEstimate.shift(prior, 1.0));
        Evaluation noPrior = Evaluation.of(gold, predict(shipped, features));
        Evaluation model = Evaluation.of(gold, predict(adapted, features));

        long lexiconStart = System.nanoTime();
        List<Sentiment> lexicon = all.stream().map(l -> LexiconScorer.score(l.text()).sentiment()).toList();
        double lexiconPerSecond = all.size() / ((System.nanoTime() - lexiconStart) / 1e9);
        Evaluation baseline = Evaluation.of(gold, lexicon);

        System.out.printf(Locale.ROOT, "Airline set: %d distinct tweets; estimated label mix positive %.2f / neutral %.2f / negative %.2f%n",
                all.size(), prior[0], prior[1], prior[2]);
        System.out.print(noPrior.describe("model, shipped head without label-mix estimate"));
        System.out.print(model.describe("model (zero-shot, label mix from unlabelled traffic)"));
        System.out.print(baseline.describe("lexicon baseline"));
        System.out.printf(Locale.ROOT, "model %.0f texts/s on %d threads; lexicon %.0f texts/s%n", textsPerSecond, THREADS,
                lexiconPerSecond);

        Map<Integer, Evaluation> curve = learningCurve(all, features, shipped);
        curve.forEach((k, e) -> System.out.print(e.describe("learning curve k=" + k)));

        BenchReport.print("sentiment.macro_f1", model.macroF1(), "f1");
        BenchReport.print("sentiment.baseline_macro_f1", baseline.macroF1(), "f1");
        BenchReport.print("sentiment.accuracy", model.accuracy(), "ratio");
        BenchReport.print("sentiment.macro_f1_after_100", curve.get(100).macroF1(), "f1");
        BenchReport.print("sentiment.macro_f1_after_300", curve.get(300).macroF1(), "f1");
        BenchReport.print("sentiment.macro_f1_after_1000", curve.get(1000).macroF1(), "f1");
        BenchReport.print("sentiment.texts_per_s", Math.round(textsPerSecond), "texts/s");
    }

    /**
     * Corrections drawn from the first 40% of a fixed shuffle; every k is evaluated on the same other 60%. The label
     * mix is estimated, as in production, from the shipped head's view of the (unlabelled) traffic.
     */
    private static Map<Integer, Evaluation> learningCurve(List<SentimentDatasets.Labelled> all, List<float[]> features,
            SentimentHead shipped) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(20170801));
        int poolSize = (int) (all.size() * 0.4);
        List<Integer> pool = order.subList(0, poolSize);
        List<Integer> test = order.subList(poolSize, order.size());
        List<float[]> testFeatures = test.stream().map(features::get).toList();
        List<Sentiment> testGold = test.stream().map(i -> all.get(i).label()).toList();
        double[] shift = PriorEstimate.shift(PriorEstimate.priors(testFeatures.stream().map(shipped::rawProbabilities).toList()), 1.0);
        Map<Integer, Evaluation> curve = new LinkedHashMap<>();
        for (int k : CURVE) {
            SentimentHead head = shipped;
            if (k > 0) {
                List<Integer> corrected = pool.subList(0, k);
                head = HeadTrainer.adapt(shipped, corrected.stream().map(features::get).toList(),
                        corrected.stream().mapToInt(i -> all.get(i).label().ordinal()).toArray(), ADAPT);
            }
            curve.put(k, Evaluation.of(testGold, predict(head.withPriorShift(shift), testFeatures)));
        }
        return curve;
    }

    private static List<Sentiment> predict(SentimentHead head, List<float[]> features) {
        return features.stream().map(f -> Sentiment.values()[SentimentHead.argmax(head.probabilities(f))]).toList();
    }

    /** Embeds and scores (as the worker does: normalize, embed, head) on {@link #THREADS} workers. */
    private static List<float[]> score(SentenceEmbeddings embeddings, SentimentHead head,
            List<SentimentDatasets.Labelled> texts) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (SentimentDatasets.Labelled t : texts) {
                futures.add(pool.submit(() -> {
                    float[] f = embeddings.embed(TweetText.normalize(t.text()));
                    head.probabilities(f);
                    return f;
                }));
            }
            List<float[]> out = new ArrayList<>(texts.size());
            for (Future<float[]> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The airline set repeats some tweets (155 ids twice): keep one of each text so no tweet is on both sides. */
    private static List<SentimentDatasets.Labelled> dedupe(List<SentimentDatasets.Labelled> rows) {
        Map<String, SentimentDatasets.Labelled> byText = new LinkedHashMap<>();
        for (SentimentDatasets.Labelled row : rows) {
            byText.putIfAbsent(row.text(), row);
        }
        return new ArrayList<>(byText.values());
    }

    private static SentimentHead shippedHead() throws IOException {
        try (InputStream in = SentimentBench.class.getClassLoader().getResourceAsStream("sentiment/head.bin")) {
            if (in == null) {
                throw new IllegalStateException("sentiment/head.bin missing: run ./mvnw -Ptrain-sentiment");
            }
            return HeadCodec.read(in);
        }
    }
}
