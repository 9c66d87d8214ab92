package dev.signet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.signet.sentiment.EvaluationReport;
import dev.signet.sentiment.HeadCodec;
import dev.signet.sentiment.LabelledFile;
import dev.signet.sentiment.LexiconScorer;
import dev.signet.sentiment.PriorEstimate;
import dev.signet.sentiment.SentenceEmbeddings;
import dev.signet.sentiment.Sentiment;
import dev.signet.sentiment.SentimentDatasets;
import dev.signet.sentiment.SentimentHead;
import dev.signet.sentiment.TweetText;

/**
 * The evaluation harness as a command for engineers, on any labelled file (CSV or TSV, the same reader as the upload;
 * no size limit):
 * <pre>./mvnw -o -B -Pbench test -Dtest=SentimentFileBench -Dsentiment.eval.file=/path/to/labelled.csv</pre>
 * It compares the shipped model, the shipped model with the label mix estimated from the file's texts (unlabelled,
 * as a version estimates it from an account's traffic) and the lexicon baseline, and prints the same report as the
 * admin page. No database: an account's stored version is evaluated on the page or through the API. Without
 * {@code -Dsentiment.eval.file} it reads {@code ../shared/data/airline-sentiment.csv} (evaluation only), so that
 * {@code ./mvnw -Pbench verify} prints the command's figures too; skipped only when neither is there.
 */
@Tag("bench")
class SentimentFileBench {

    static final String FILE_PROPERTY = "sentiment.eval.file";
    /** The scorer's batch size and the encoders' threads and micro-batch (SentimentConfig defaults). */
    private static final int BATCH = 32;
    private static final int THREADS = 2;
    private static final int MICRO_BATCH = 4;

    @Test
    void evaluateFile() throws IOException {
        String name = System.getProperty(FILE_PROPERTY);
        Path file = name == null || name.isBlank() ? SentimentDatasets.airline() : Path.of(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "no labelled file at " + file + ": give one with -D"
                + FILE_PROPERTY + "=path");
        List<LabelledFile.LabelledText> set = LabelledFile.parse(Files.readAllBytes(file),
                new LabelledFile.Limits(50, Integer.MAX_VALUE, Long.MAX_VALUE));
        SentimentHead shipped = shippedHead();
        long start = System.nanoTime();
        List<float[]> features = new java.util.ArrayList<>(set.size());
        try (SentenceEmbeddings embeddings = SentenceEmbeddings.load(THREADS, MICRO_BATCH)) {
            for (int from = 0; from < set.size(); from += BATCH) {
                features.addAll(embeddings.embedAll(set.subList(from, Math.min(set.size(), from + BATCH)).stream()
                        .map(t -> TweetText.normalize(t.text())).toList()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] prior = PriorEstimate.priors(features.stream().map(shipped::rawProbabilities).toList());
        SentimentHead withMix = shipped.withPriorShift(PriorEstimate.shift(prior, 1.0));
        EvaluationReport report = EvaluationReport.compare(null, set, List.of(
                new EvaluationReport.Predictions("shipped model", "shipped", predict(shipped, features)),
                new EvaluationReport.Predictions("shipped + label mix of the file", "shipped+mix", predict(withMix, features)),
                new EvaluationReport.Predictions("lexicon baseline", "lexicon",
                        set.stream().map(t -> LexiconScorer.score(t.text()).sentiment()).toList())),
                0, 8, 0);
        System.out.printf(Locale.ROOT, "%s: %d texts embedded in %.1f s (%.0f texts/s); label mix estimated from the "
                + "unlabelled texts: positive %.2f / neutral %.2f / negative %.2f%n", file, set.size(), seconds,
                set.size() / seconds, prior[0], prior[1], prior[2]);
        System.out.print(report.describe());
        BenchReport.print("sentiment.file.macro_f1", report.models().get(0).macroF1(), "f1");
        BenchReport.print("sentiment.file.macro_recall", report.models().get(0).macroRecall(), "recall");
        BenchReport.print("sentiment.file.mix_macro_recall", report.models().get(1).macroRecall(), "recall");
        BenchReport.print("sentiment.file.baseline_macro_f1", report.models().get(2).macroF1(), "f1");
    }

    private static List<Sentiment> predict(SentimentHead head, List<float[]> features) {
        return features.stream().map(f -> Sentiment.values()[SentimentHead.argmax(head.probabilities(f))]).toList();
    }

    private static SentimentHead shippedHead() throws IOException {
        try (InputStream in = SentimentFileBench.class.getClassLoader().getResourceAsStream("sentiment/head.bin")) {
            if (in == null) {
                throw new IllegalStateException("sentiment/head.bin missing: run ./mvnw -Ptrain-sentiment");
            }
            return HeadCodec.read(in);
        }
    }
}
