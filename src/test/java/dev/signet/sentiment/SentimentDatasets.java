package dev.signet.sentiment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the labelled sets in {@code ../shared/data} by path (never copied into the repo; see PROVENANCE.md there):
 * SemEval-2017 Task 4 training tweets (the only data the shipped head is trained on) and the airline tweets
 * (evaluation only).
 */
public final class SentimentDatasets {

    /** One labelled text. */
    public record Labelled(String text, Sentiment label) {
    }

    private SentimentDatasets() {
    }

    /** {@code ../shared/data}, or {@code -Dsignet.data.dir}. */
    public static Path dataDir() {
        String configured = System.getProperty("signet.data.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../shared/data").normalize();
    }

    public static Path semevalTrain() {
        return dataDir().resolve("semeval-train.tsv");
    }

    public static Path airline() {
        return dataDir().resolve("airline-sentiment.csv");
    }

    /** TSV {@code id<TAB>label<TAB>text}, no quoting. */
    public static List<Labelled> readSemeval(Path file) {
        try {
            List<Labelled> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 3);
                rows.add(new Labelled(fields[2], label(fields[1])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Crowdflower CSV: {@code airline_sentiment} and {@code text} columns. */
    public static List<Labelled> readAirline(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Labelled> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(new Labelled(r.get("text"), label(r.get("airline_sentiment"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sentiment label(String label) {
        return Sentiment.valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
