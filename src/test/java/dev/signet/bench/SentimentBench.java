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

import dev.signet.sentiment.BrandHeads;
import dev.signet.sentiment.CorrectionMemory;
import dev.signet.sentiment.Evaluation;
import dev.signet.sentiment.HeadCodec;
import dev.signet.sentiment.HeadTrainer;
import dev.signet.sentiment.LexiconScorer;
import dev.signet.sentiment.PriorEstimate;
import dev.signet.sentiment.PriorGate;
import dev.signet.sentiment.SentenceEmbeddings;
import dev.signet.sentiment.Sentiment;
import dev.signet.sentiment.SentimentDatasets;
import dev.signet.sentiment.SentimentHead;
import dev.signet.sentiment.TweetText;

/**
 * The sentiment evaluation harness, on ../shared/data/airline-sentiment.csv (evaluation only: nothing shipped is
 * trained on it). In one run: the shipped model (encoders + head) scores every airline tweet on 2 worker threads
 * (texts/s), zero-shot, without and with the label mix estimated from the unlabelled tweets; the lexicon baseline on
 * the same tweets; and the learning curve: k = 0, 100, 300, 1,000 simulated agent corrections drawn from 40% of the
 * (de-duplicated) set, each version (adapted head, neighbours, and the label mix where the gate keeps it) evaluated on
 * the other 60% — never on a message it learned from. About 1–3 minutes on 2 idle cores.
 */
@Tag("bench")
class SentimentBench {

    private static final int THREADS = 2;
    private static final int WARMUP = 200;
    /** The scorer's batch size and the encoders' micro-batch (SentimentConfig defaults). */
    private static final int BATCH = 32;
    private static final int MICRO_BATCH = 4;
    /** Texts scored a second time by the former one-text-per-call path, for the speed ratio. */
    private static final int COMPARE = 3000;
    private static final int[] CURVE = { 0, 100, 300, 1000 };
    /** The adaptation's production settings (SentimentConfig defaults: adapt-anchor, adapt-iterations). */
    private static final double ADAPT_ANCHOR = 500;
    private static final int ADAPT_ITERATIONS = 150;
    /** The neighbours' vote (SentimentConfig defaults). */
    private static final CorrectionMemory.Settings NEIGHBOURS = new CorrectionMemory.Settings(20, 3000, 0.1);
    /** The label-mix gate (SentimentConfig defaults: prior-gate-folds, prior-gate-min-held-out, prior-strength). */
    private static final PriorGate.Settings GATE = new PriorGate.Settings(5, 20, 1.0);

    @Test
    void airline() throws Exception {
        List<SentimentDatasets.Labelled> all = dedupe(SentimentDatasets.readAirline(SentimentDatasets.airline()));
        List<Sentiment> gold = all.stream().map(SentimentDatasets.Labelled::label).toList();
        SentimentHead shipped = shippedHead();

        List<float[]> features;
        double textsPerSecond;
        double oneByOnePerSecond;
        double sameLabel;
        try (SentenceEmbeddings embeddings = SentenceEmbeddings.load(THREADS, MICRO_BATCH)) {
            score(embeddings, shipped, all.subList(0, WARMUP));
            scoreOneByOne(embeddings, shipped, all.subList(0, WARMUP));
            long start = System.nanoTime();
            features = score(embeddings, shipped, all);
            textsPerSecond = all.size() / ((System.nanoTime() - start) / 1e9);
            // The former path (one text per ONNX call, 2 threads), in the same run for a fair ratio on a shared machine.
            List<SentimentDatasets.Labelled> sample = all.subList(0, COMPARE);
            start = System.nanoTime();
            List<float[]> oneByOne = scoreOneByOne(embeddings, shipped, sample);
            oneByOnePerSecond = sample.size() / ((System.nanoTime() - start) / 1e9);
            int same = 0;
            for (int i = 0; i < sample.size(); i++) {
                same += SentimentHead.argmax(shipped.probabilities(oneByOne.get(i)))
                        == SentimentHead.argmax(shipped.probabilities(features.get(i))) ? 1 : 0;
            }
            sameLabel = (double) same / sample.size();
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
        System.out.print(noPrior.describe("model (zero-shot, shipped head; no corrections, so no label mix)"));
        System.out.print(model.describe("model, shipped head with the label mix estimated from unlabelled traffic"));
        System.out.print(baseline.describe("lexicon baseline"));
        System.out.printf(Locale.ROOT, "model %.0f texts/s on %d threads; lexicon %.0f texts/s%n", textsPerSecond, THREADS,
                lexiconPerSecond);
        System.out.printf(Locale.ROOT, "former one-text-per-call path %.0f texts/s in the same run (batched/former %.2f); "
                + "same label as the batched path for %.2f%% of %d texts%n", oneByOnePerSecond,
                textsPerSecond / oneByOnePerSecond, 100 * sameLabel, COMPARE);

        Map<Integer, Evaluation> curve = learningCurve(all, features, shipped);
        curve.forEach((k, e) -> System.out.print(e.describe("learning curve k=" + k)));

        // Without corrections the gate has nothing to test the label mix on, so an account scores without it.
        BenchReport.print("sentiment.macro_f1", noPrior.macroF1(), "f1");
        BenchReport.print("sentiment.macro_f1_with_label_mix", model.macroF1(), "f1");
        BenchReport.print("sentiment.macro_recall", noPrior.macroRecall(), "recall");
        BenchReport.print("sentiment.macro_recall_with_label_mix", model.macroRecall(), "recall");
        BenchReport.print("sentiment.baseline_macro_f1", baseline.macroF1(), "f1");
        BenchReport.print("sentiment.accuracy", noPrior.accuracy(), "ratio");
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
        double[] prior = PriorEstimate.priors(testFeatures.stream().map(shipped::rawProbabilities).toList());
        double[] shift = PriorEstimate.shift(prior, 1.0);
        Map<Integer, Evaluation> curve = new LinkedHashMap<>();
        for (int k : CURVE) {
            // As SentimentAdaptation makes a version: the anchored head plus the corrections kept as neighbours, and
            // the label mix only where the gate finds it raises macro-recall on held-out corrections.
            HeadCodec.Model model = new HeadCodec.Model(shipped, CorrectionMemory.empty(shipped.dimensions()));
            PriorGate.Decision gate = PriorGate.Decision.untested();
            if (k > 0) {
                List<Integer> corrected = pool.subList(0, k);
                List<float[]> rows = corrected.stream().map(features::get).toList();
                int[] labels = corrected.stream().mapToInt(i -> all.get(i).label().ordinal()).toArray();
                model = fit(shipped, rows, labels);
                gate = PriorGate.decide(rows, labels, prior, GATE, (r, l) -> fit(shipped, r, l));
            }
            BrandHeads.ActiveHead brand = new BrandHeads.ActiveHead(k, "k" + k,
                    model.head().withPriorShift(gate.applied() ? shift : new double[SentimentHead.CLASSES]), model.memory());
            BrandHeads.ActiveHead other = new BrandHeads.ActiveHead(k, "k" + k,
                    model.head().withPriorShift(gate.applied() ? new double[SentimentHead.CLASSES] : shift), model.memory());
            Evaluation chosen = Evaluation.of(testGold, testFeatures.stream()
                    .map(f -> Sentiment.values()[SentimentHead.argmax(brand.probabilities(f))]).toList());
            Evaluation notChosen = Evaluation.of(testGold, testFeatures.stream()
                    .map(f -> Sentiment.values()[SentimentHead.argmax(other.probabilities(f))]).toList());
            System.out.printf(Locale.ROOT, "k=%d label-mix gate: %s (held out %d, macro-recall with %s / without %s); "
                    + "on the 60%% test part: chosen macro-F1 %.3f macro-recall %.3f, the other choice macro-F1 %.3f "
                    + "macro-recall %.3f%n", k, gate.applied() ? "on" : "off", gate.heldOut(), fmt(gate.recallWith()),
                    fmt(gate.recallWithout()), chosen.macroF1(), chosen.macroRecall(), notChosen.macroF1(),
                    notChosen.macroRecall());
            curve.put(k, chosen);
        }
        return curve;
    }

    /** A version's model as SentimentAdaptation.fit makes it (production settings). */
    private static HeadCodec.Model fit(SentimentHead shipped, List<float[]> rows, int[] labels) {
        SentimentHead head = HeadTrainer.adapt(shipped, rows, labels,
                HeadTrainer.Settings.anchored(ADAPT_ANCHOR, rows.size(), ADAPT_ITERATIONS, 0.01));
        return new HeadCodec.Model(head, CorrectionMemory.of(rows, labels, NEIGHBOURS));
    }

    private static String fmt(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static List<Sentiment> predict(SentimentHead head, List<float[]> features) {
        return features.stream().map(f -> Sentiment.values()[SentimentHead.argmax(head.probabilities(f))]).toList();
    }

    /**
     * Embeds and scores as the worker does ({@code SentimentScorer}): one caller thread takes batches of
     * {@link #BATCH} texts, normalizes them, embeds each batch with {@link SentenceEmbeddings#embedAll} (padded
     * micro-batches on the encoders' {@link #THREADS} threads) and applies the head.
     */
    private static List<float[]> score(SentenceEmbeddings embeddings, SentimentHead head,
            List<SentimentDatasets.Labelled> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TweetText.normalize(t.text())).toList();
            for (float[] f : embeddings.embedAll(batch)) {
                head.probabilities(f);
                out.add(f);
            }
        }
        return out;
    }

    /** The former path, for comparison: one text per ONNX call, on {@link #THREADS} caller threads. */
    private static List<float[]> scoreOneByOne(SentenceEmbeddings embeddings, SentimentHead head,
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
