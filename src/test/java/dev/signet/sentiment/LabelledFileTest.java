package dev.signet.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading uploaded labelled files: formats, headers, label names, and every way a file is refused. */
class LabelledFileTest {

    private static final LabelledFile.Limits LIMITS = new LabelledFile.Limits(3, 10, 10_000);

    @Test
    void csvWithAHeaderFindsTheColumnsByNameWhateverTheirOrderAndKeepsQuotedCommasAndLineBreaks() {
        String csv = """
                tweet_id,airline_sentiment,airline,text
                1,negative,United,"@united lost my bag, again"
                2,Neutral,Delta,"@delta what time
                does the lounge open?"
                3,POSITIVE,Virgin,@VirginAmerica thanks!
                """;
        List<LabelledFile.LabelledText> rows = parse(csv);
        assertEquals(3, rows.size());
        assertEquals(new LabelledFile.LabelledText("@united lost my bag, again", Sentiment.NEGATIVE), rows.get(0));
        assertEquals("@delta what time\ndoes the lounge open?", rows.get(1).text());
        assertEquals(Sentiment.NEUTRAL, rows.get(1).label());
        assertEquals(Sentiment.POSITIVE, rows.get(2).label());
    }

    @Test
    void tsvWithoutAHeaderFindsTheLabelColumnByContentAndTheTextAsTheLongestOther() {
        String tsv = "101\tneg\tthe app crashes \"every\" time\n102\tpos\tlove the new update\n"
                + "103\tneu\twhen is the next release\n104\t-1\tstill broken\n";
        List<LabelledFile.LabelledText> rows = parse(tsv);
        assertEquals(4, rows.size());
        assertEquals(new LabelledFile.LabelledText("the app crashes \"every\" time", Sentiment.NEGATIVE), rows.get(0));
        assertEquals(Sentiment.NEGATIVE, rows.get(3).label());
    }

    @Test
    void aHeaderWithUnknownNamesIsSkippedWhenItsLabelCellIsNoLabel() {
        String tsv = "id\tpolarity_gold\tsaid\n1\tpositive\tgreat crew\n2\tnegative\tawful food\n3\t0\tboarding now\n";
        List<LabelledFile.LabelledText> rows = parse(tsv);
        assertEquals(3, rows.size());
        assertEquals(Sentiment.NEUTRAL, rows.get(2).label());
    }

    @Test
    void semicolonsUtf8BomAndBlankLinesAreAccepted() {
        String csv = "\uFEFFtext;label\n\"merci ; super\";positive\n\nbof;neutral\n;\nnul 😡;negative\n";
        List<LabelledFile.LabelledText> rows = parse(csv);
        assertEquals(List.of("merci ; super", "bof", "nul 😡"), rows.stream().map(LabelledFile.LabelledText::text).toList());
    }

    @Test
    void badFilesAreRefusedAsAWholeWithAReasonNamingTheRows() {
        assertRefused("", 400, "empty-labelled-file");
        assertRefused("text,label\n", 422, "too-few-labelled-rows");
        assertRefused("text,label\na,positive\nb,negative\n", 422, "too-few-labelled-rows");
        String tooMany = "text,label\n" + "x,positive\n".repeat(11);
        assertRefused(tooMany, 413, "too-many-labelled-rows");
        LabelledFileRejectedException large = assertThrows(LabelledFileRejectedException.class,
                () -> LabelledFile.parse(new byte[10_001], LIMITS));
        assertEquals(413, large.status());
        LabelledFileRejectedException latin1 = assertThrows(LabelledFileRejectedException.class,
                () -> LabelledFile.parse("text,label\ncaf\u00e9,positive\n".getBytes(StandardCharsets.ISO_8859_1), LIMITS));
        assertEquals("labelled-file-not-utf8", latin1.slug());
        LabelledFileRejectedException labels = assertRefused(
                "text,label\ngood,positive\nbad,furious\nmeh,neutral\nugh,\n,negative\n", 422, "bad-labelled-rows");
        assertTrue(labels.detail().contains("row 3: 'furious' is not a label"), labels.detail());
        assertTrue(labels.detail().contains("row 5: '' is not a label"), labels.detail());
        assertTrue(labels.detail().contains("row 6: no text"), labels.detail());
        assertRefused("just some text\nwithout labels\nat all\nreally\n", 422, "no-label-column");
        assertRefused("text,label\n\"unterminated,positive\nx,negative\n", 400, "malformed-labelled-file");
    }

    private static List<LabelledFile.LabelledText> parse(String content) {
        return LabelledFile.parse(content.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    private static LabelledFileRejectedException assertRefused(String content, int status, String slug) {
        LabelledFileRejectedException e = assertThrows(LabelledFileRejectedException.class, () -> parse(content));
        assertEquals(slug, e.slug(), e.detail());
        assertEquals(status, e.status(), e.detail());
        return e;
    }
}
