package dev.signet.sentiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains the shipped sentiment head: {@code ./mvnw -Ptrain-sentiment} (about 2-5 minutes on 2 cores). Reads
 * SemEval-2017 Task 4 training tweets from {@code ../shared/data/semeval-train.tsv} — the only data the shipped
 * model learns from; the airline set is for evaluation only — embeds them with the shipped encoders and writes the
 * logistic-regression head to {@code src/main/resources/sentiment/head.bin} (the only artefact committed; never the
 * texts). Embeddings are cached under {@code target/sentiment-cache}.
 */
public final class TrainSentimentModel {

    /** The settings the shipped head is trained with (L2 0.01: see docs/sentiment.md). */
    public static final HeadTrainer.Settings SETTINGS = new HeadTrainer.Settings(0.01, 300, 0.01);

    private TrainSentimentModel() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/sentiment/head.bin");
        List<SentimentDatasets.Labelled> train = SentimentDatasets.readSemeval(SentimentDatasets.semevalTrain());
        System.out.printf(Locale.ROOT, "Training on %d SemEval tweets%n", train.size());
        long start = System.nanoTime();
        List<float[]> features;
        try (SentenceEmbeddings embeddings = SentenceEmbeddings.load()) {
            features = Embedder.embedAllCached(embeddings, train.stream().map(SentimentDatasets.Labelled::text).toList(),
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    Path.of("target/sentiment-cache/semeval-" + train.size() + ".bin"));
        }
        System.out.printf(Locale.ROOT, "Embedded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        int[] labels = train.stream().mapToInt(l -> l.label().ordinal()).toArray();
        start = System.nanoTime();
        SentimentHead head = HeadTrainer.fromScratch(features, labels, SETTINGS);
        System.out.printf(Locale.ROOT, "Head trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
        List<Sentiment> predicted = features.stream()
                .map(f -> Sentiment.values()[SentimentHead.argmax(head.probabilities(f))]).toList();
        System.out.print(Evaluation.of(train.stream().map(SentimentDatasets.Labelled::label).toList(), predicted)
                .describe("SemEval (training set)"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, HeadCodec.toBytes(head));
        System.out.println("Wrote " + out + " (" + Files.size(out) + " bytes)");
    }
}
