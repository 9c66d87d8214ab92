package dev.signet.insight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The insights as CSV for spreadsheets (RFC 4180 quoting by Commons CSV). Every text cell is defused against
 * formula injection (OWASP's rule): a cell that starts with {@code = + - @}, a tab or a carriage return is
 * prefixed with a single quote, so a spreadsheet shows it as text instead of running it. Customers write the
 * flagged messages, so they are hostile input.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** The cell as a spreadsheet may safely read it. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    public static String series(List<InsightReport.SeriesPoint> points) {
        return write(new String[] { "bucket_start", "messages", "positive", "neutral", "negative", "negative_share" },
                printer -> {
                    for (InsightReport.SeriesPoint p : points) {
                        printer.printRecord(p.start().toString(), p.messages(), p.positive(), p.neutral(), p.negative(),
                                String.format(Locale.ROOT, "%.4f", p.negativeShare()));
                    }
                });
    }

    public static String flagged(List<FlaggedMessageView> flagged) {
        return write(new String[] { "message_id", "reason", "sent_at", "flagged_at", "text", "category", "note" }, printer -> {
            for (FlaggedMessageView f : flagged) {
                printer.printRecord(f.messageId(), f.reason().name(), f.sentAt().toString(), f.flaggedAt().toString(),
                        safe(f.text()), f.category() == null ? "" : f.category().label(), safe(f.note()));
            }
        });
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to memory failed", e);
        }
        return out.toString();
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }
}
