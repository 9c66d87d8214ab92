package dev.signet.sentiment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a labelled file a brand uploads to check the sentiment model: CSV (RFC 4180 quoting; {@code ;} when the
 * header row has more semicolons than commas) or TSV (one row per line, tab-separated, no quoting, as IANA's
 * text/tab-separated-values), UTF-8. Columns are found by their header — a text column ({@code text}, {@code tweet},
 * {@code message}, {@code content}, {@code body}, {@code sentence}) and a label column ({@code label},
 * {@code sentiment}, {@code polarity}, {@code class}, {@code gold}, or a name ending in {@code sentiment} such as
 * {@code airline_sentiment}) — or, without a header, by content: the column whose values are labels, and the
 * longest other column as the text. Labels map to the three classes: positive / pos / 1 / +1, neutral / neu / 0,
 * negative / neg / -1 (any case). Fully blank rows are skipped; anything else that can't be read rejects the whole
 * file with a {@link LabelledFileRejectedException} naming the rows.
 */
public final class LabelledFile {

    /** One labelled text of the file. */
    public record LabelledText(String text, Sentiment label) {
    }

    /** How small and how large a file may be. */
    public record Limits(int minRows, int maxRows, long maxBytes) {
    }

    private static final Set<String> TEXT_COLUMNS = Set.of("text", "tweet", "message", "content", "body", "sentence");
    private static final Set<String> LABEL_COLUMNS = Set.of("label", "sentiment", "polarity", "class", "gold");
    private static final Map<String, Sentiment> LABELS = Map.ofEntries(
            Map.entry("positive", Sentiment.POSITIVE), Map.entry("pos", Sentiment.POSITIVE),
            Map.entry("1", Sentiment.POSITIVE), Map.entry("+1", Sentiment.POSITIVE),
            Map.entry("neutral", Sentiment.NEUTRAL), Map.entry("neu", Sentiment.NEUTRAL), Map.entry("0", Sentiment.NEUTRAL),
            Map.entry("negative", Sentiment.NEGATIVE), Map.entry("neg", Sentiment.NEGATIVE),
            Map.entry("-1", Sentiment.NEGATIVE));
    /** Rows looked at to find the label column of a file without a header. */
    private static final int SNIFF_ROWS = 20;
    private static final int MAX_REPORTED = 5;

    private LabelledFile() {
    }

    /** The label a cell names, if any. */
    public static Optional<Sentiment> label(String cell) {
        return cell == null ? Optional.empty() : Optional.ofNullable(LABELS.get(cell.trim().toLowerCase(Locale.ROOT)));
    }

    /** The file's labelled texts, in file order; refuses the file as a whole if it can't be evaluated. */
    public static List<LabelledText> parse(byte[] bytes, Limits limits) {
        if (bytes == null || bytes.length == 0) {
            throw new LabelledFileRejectedException(400, "empty-labelled-file", "Empty file",
                    "The file is empty. Upload a CSV or TSV file with a text and a label column.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new LabelledFileRejectedException(413, "labelled-file-too-large", "File too large",
                    "The file has " + bytes.length + " bytes; at most " + limits.maxBytes() + " are evaluated here. "
                            + "Evaluate larger files with the command described in docs/sentiment.md.");
        }
        String content = utf8(bytes);
        List<CSVRecord> records = records(content);
        if (records.isEmpty()) {
            throw new LabelledFileRejectedException(400, "empty-labelled-file", "Empty file",
                    "The file holds no rows. Upload a CSV or TSV file with a text and a label column.");
        }
        Columns columns = columns(records);
        List<LabelledText> texts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        for (int i = columns.header() ? 1 : 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            long row = record.getRecordNumber();
            String label = cell(record, columns.label());
            String text = cell(record, columns.text());
            Optional<Sentiment> sentiment = label(label);
            String problem = null;
            if (sentiment.isEmpty()) {
                problem = "row " + row + ": '" + abbreviate(label) + "' is not a label";
            } else if (text.isBlank()) {
                problem = "row " + row + ": no text";
            }
            if (problem != null) {
                problemCount++;
                if (problems.size() < MAX_REPORTED) {
                    problems.add(problem);
                }
                continue;
            }
            texts.add(new LabelledText(text, sentiment.get()));
        }
        if (problemCount > 0) {
            throw new LabelledFileRejectedException(422, "bad-labelled-rows", "Rows without a usable label or text",
                    problemCount + " row(s) can't be used (" + String.join("; ", problems)
                            + (problemCount > problems.size() ? "; …" : "")
                            + "). Labels are positive, neutral, negative (or pos, neu, neg, or 1, 0, -1). Nothing was evaluated.");
        }
        if (texts.size() < limits.minRows()) {
            throw new LabelledFileRejectedException(422, "too-few-labelled-rows", "Too few rows",
                    "The file has " + texts.size() + " labelled rows; at least " + limits.minRows()
                            + " are needed for figures that mean something.");
        }
        if (texts.size() > limits.maxRows()) {
            throw new LabelledFileRejectedException(413, "too-many-labelled-rows", "Too many rows",
                    "The file has " + texts.size() + " labelled rows; at most " + limits.maxRows()
                            + " are evaluated here. Evaluate larger files with the command described in docs/sentiment.md.");
        }
        return texts;
    }

    private static String utf8(byte[] bytes) {
        try {
            String content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return content.startsWith("\uFEFF") ? content.substring(1) : content;
        } catch (CharacterCodingException e) {
            throw new LabelledFileRejectedException(400, "labelled-file-not-utf8", "Not UTF-8",
                    "The file is not UTF-8 text. Save it as UTF-8 CSV or TSV and upload it again.");
        }
    }

    private static List<CSVRecord> records(String content) {
        int end = content.indexOf('\n');
        String first = end < 0 ? content : content.substring(0, end);
        long tabs = first.chars().filter(c -> c == '\t').count();
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        CSVFormat format;
        if (tabs > 0 && tabs >= commas) {
            format = CSVFormat.TDF.builder().setQuote(null).setTrim(false).setIgnoreSurroundingSpaces(false)
                    .setIgnoreEmptyLines(true).get();
        } else {
            format = CSVFormat.RFC4180.builder().setDelimiter(semicolons > commas ? ';' : ',')
                    .setIgnoreEmptyLines(true).get();
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                boolean blank = true;
                for (String value : record) {
                    blank &= value.isBlank();
                }
                if (!blank) {
                    records.add(record);
                }
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quote or a stray character as one of these.
            throw new LabelledFileRejectedException(400, "malformed-labelled-file", "Malformed file",
                    "The file can't be read as CSV or TSV: " + e.getMessage());
        }
    }

    private record Columns(boolean header, int text, int label) {
    }

    private static Columns columns(List<CSVRecord> records) {
        CSVRecord first = records.get(0);
        int text = -1;
        int label = -1;
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).trim().toLowerCase(Locale.ROOT);
            if (text < 0 && TEXT_COLUMNS.contains(name)) {
                text = i;
            } else if (label < 0 && (LABEL_COLUMNS.contains(name) || name.endsWith("sentiment"))) {
                label = i;
            }
        }
        if (text >= 0 && label >= 0) {
            return new Columns(true, text, label);
        }
        // No recognised header: the label column is the one whose values are labels in (nearly) every sampled row.
        List<CSVRecord> sample = records.subList(records.size() > 1 ? 1 : 0, Math.min(records.size(), SNIFF_ROWS + 1));
        int width = sample.stream().mapToInt(CSVRecord::size).max().orElse(0);
        int bestLabels = 0;
        for (int i = 0; i < width; i++) {
            final int column = i;
            int labels = (int) sample.stream().filter(r -> label(cell(r, column)).isPresent()).count();
            if (labels > bestLabels) {
                bestLabels = labels;
                label = i;
            }
        }
        if (label < 0 || bestLabels < sample.size() * 0.8 || width < 2) {
            throw new LabelledFileRejectedException(422, "no-label-column", "No text and label columns",
                    "Found no text and label columns. Give the file a header row naming them (text, label) or two "
                            + "columns: the text and its label (positive, neutral, negative).");
        }
        double longest = -1;
        for (int i = 0; i < width; i++) {
            if (i == label) {
                continue;
            }
            final int column = i;
            double length = sample.stream().mapToInt(r -> cell(r, column).length()).average().orElse(0);
            if (length > longest) {
                longest = length;
                text = i;
            }
        }
        boolean header = label(cell(first, label)).isEmpty();
        return new Columns(header, text, label);
    }

    private static String cell(CSVRecord record, int column) {
        return column >= 0 && column < record.size() ? record.get(column) : "";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
