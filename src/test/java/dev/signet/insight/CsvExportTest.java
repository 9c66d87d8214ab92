package dev.signet.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsStartingLikeAFormulaAreDefused() {
        assertEquals("'=HYPERLINK(\"http://evil\")", CsvExport.safe("=HYPERLINK(\"http://evil\")"));
        assertEquals("'+1+1", CsvExport.safe("+1+1"));
        assertEquals("'-2+3", CsvExport.safe("-2+3"));
        assertEquals("'@SUM(A1)", CsvExport.safe("@SUM(A1)"));
        assertEquals("'\t=1", CsvExport.safe("\t=1"));
        assertEquals("'\r=1", CsvExport.safe("\r=1"));
    }

    @Test
    void ordinaryCellsAreLeftAlone() {
        assertEquals("my bag = lost", CsvExport.safe("my bag = lost"));
        assertEquals("", CsvExport.safe(""));
        assertEquals(null, CsvExport.safe(null));
        assertEquals(" =1", CsvExport.safe(" =1"));
    }

    @Test
    void flaggedMessagesAreQuotedAndDefusedAndReadBackIntact() throws IOException {
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        String csv = CsvExport.flagged(List.of(
                new FlaggedMessageView(1, FlagReason.NEGATIVE, at, at, "=cmd|' /C calc'!A0", null, null),
                new FlaggedMessageView(2, FlagReason.MARKET_FEEDBACK, at, at, "line one,\n\"quoted\" line two", FeedbackCategory.PRICING, "@once")));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(2, rows.size());
        assertEquals("'=cmd|' /C calc'!A0", rows.get(0).get("text"));
        assertEquals("line one,\n\"quoted\" line two", rows.get(1).get("text"));
        assertEquals("2026-11-20T10:15:30Z", rows.get(1).get("sent_at"));
        assertTrue(csv.startsWith("message_id,reason,sent_at,flagged_at,text,category,note"));
        assertEquals("", rows.get(0).get("category"));
        assertEquals("pricing", rows.get(1).get("category"));
        assertEquals("'@once", rows.get(1).get("note"), "the agent's note is defused too");
    }

    @Test
    void theSeriesHasOneRowPerBucketWithTheNegativeShare() {
        String csv = CsvExport.series(List.of(
                new InsightReport.SeriesPoint(Instant.parse("2026-11-20T10:00:00Z"), 12, 2, 6, 2),
                new InsightReport.SeriesPoint(Instant.parse("2026-11-20T11:00:00Z"), 0, 0, 0, 0)));
        assertEquals("""
                bucket_start,messages,positive,neutral,negative,negative_share\r
                2026-11-20T10:00:00Z,12,2,6,2,0.2000\r
                2026-11-20T11:00:00Z,0,0,0,0,0.0000\r
                """, csv);
    }
}
