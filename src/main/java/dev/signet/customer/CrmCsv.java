package dev.signet.customer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CRM file format: UTF-8 CSV (RFC 4180, quoted fields may hold line breaks) with a header row naming the
 * columns in any order. Parsing is Apache Commons CSV; this class adds the strict UTF-8 check, the header check
 * and line numbers, and writes exports that a spreadsheet can't run as formulas.
 */
public final class CrmCsv {

    public static final String CRM_ID = "crm_id";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String LOYALTY_TIER = "loyalty_tier";
    public static final String LIFETIME_VALUE = "lifetime_value";
    public static final String TAGS = "tags";
    public static final String X_USER_ID = "x_user_id";
    public static final String X_HANDLE = "x_handle";
    public static final String NOTES = "notes";

    static final List<String> REQUIRED = List.of(CRM_ID, NAME);
    public static final List<String> COLUMNS = List.of(CRM_ID, NAME, EMAIL, LOYALTY_TIER, LIFETIME_VALUE, TAGS, X_USER_ID,
            X_HANDLE, NOTES);

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CrmCsv() {
    }

    /** The rows of a file, or the errors that stop it from being read at all. */
    record Parsed(List<CrmRow> rows, List<RowError> errors) {
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 refuses the file (never guess, never garble names). */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CrmFileRejectedException(415, "crm-not-utf8", "The file is not UTF-8",
                    "The file is not valid UTF-8 (" + firstBadLine(bytes)
                            + "). Save it as CSV UTF-8 and upload it again; nothing was imported.");
        }
    }

    private static String firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return "first bad byte on line " + line;
                }
                line++;
                start = i + 1;
            }
        }
        return "bad byte sequence";
    }

    static Parsed parse(String text) {
        List<CrmRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = READ.parse(new StringReader(text))) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new RowError(1, null, "The file is empty: expected a header row with " + REQUIRED + "."));
                return new Parsed(rows, errors);
            }
            CSVRecord header = records.next();
            Map<String, Integer> columns = new java.util.HashMap<>();
            Set<String> unknown = new LinkedHashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(name)) {
                    unknown.add(header.get(i));
                } else if (columns.putIfAbsent(name, i) != null) {
                    errors.add(new RowError(1, name, "The column appears twice in the header."));
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    errors.add(new RowError(1, required, "Required column missing from the header."));
                }
            }
            if (!unknown.isEmpty()) {
                errors.add(new RowError(1, null, "Unknown columns " + unknown + "; known columns are " + COLUMNS + "."));
            }
            if (!errors.isEmpty()) {
                return new Parsed(rows, errors);
            }
            long nextLine = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord row;
                try {
                    row = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new RowError(nextLine, null, "Unreadable CSV: " + rootMessage(e)));
                    return new Parsed(rows, errors);
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (row.size() != header.size()) {
                    errors.add(new RowError(line, null, "Expected " + header.size() + " fields, found " + row.size() + "."));
                    continue;
                }
                rows.add(new CrmRow(line, new CrmRecord(cell(row, columns, CRM_ID), cell(row, columns, NAME),
                        cell(row, columns, EMAIL), cell(row, columns, LOYALTY_TIER),
                        decimal(cell(row, columns, LIFETIME_VALUE)), cell(row, columns, TAGS),
                        cell(row, columns, X_USER_ID), cell(row, columns, X_HANDLE), cell(row, columns, NOTES))));
            }
        } catch (IOException | UncheckedIOException e) {
            errors.add(new RowError(0, null, "Unreadable CSV: " + rootMessage(e)));
        }
        return new Parsed(rows, errors);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String cell(CSVRecord row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** Unparseable values are kept as a marker the validator reports with the column. */
    private static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return CrmValidator.NOT_A_NUMBER;
        }
    }

    /** Writes customers as CSV with the import's header, so an export can be imported again. */
    static void write(Appendable out, Iterable<List<String>> rows) {
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(COLUMNS);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CrmCsv::defuse).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a spreadsheet from running a cell as a formula (CSV injection, OWASP): a cell starting with
     * {@code = + - @}, tab or carriage return gets a leading apostrophe. Commons CSV quotes but does not do this.
     */
    public static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }
}
