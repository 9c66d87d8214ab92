package dev.signet.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CRM file format: strict UTF-8, header checks, line numbers across quoted line breaks, validation, export escaping. */
class CrmCsvTest {

    private final CrmValidator validator = new CrmValidator(List.of("none", "silver", "gold", "platinum"));

    @Test
    void quotedLineBreaksStayInTheirCellAndLinesAreCountedFromTheRowsStart() {
        CrmCsv.Parsed parsed = CrmCsv.parse("""
                crm_id,name,notes
                A-1,Ann,"first line
                second line"
                A-2,Bob,plain
                """);
        assertEquals(List.of(), parsed.errors());
        assertEquals(2, parsed.rows().size());
        assertEquals("first line\nsecond line", parsed.rows().get(0).record().notes());
        assertEquals(2, parsed.rows().get(0).line());
        assertEquals(4, parsed.rows().get(1).line());
    }

    @Test
    void aMissingRequiredColumnOrAnUnknownColumnRefusesTheHeader() {
        CrmCsv.Parsed parsed = CrmCsv.parse("crm_id,full_name\nA-1,Ann\n");
        assertTrue(parsed.errors().contains(new RowError(1, "name", "Required column missing from the header.")), parsed.errors().toString());
        assertTrue(parsed.errors().stream().anyMatch(e -> e.reason().contains("full_name")));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        byte[] latin1 = "crm_id,name\nA-1,Sophie Lef\u00e8vre\n".getBytes(StandardCharsets.ISO_8859_1);
        CrmFileRejectedException e = assertThrows(CrmFileRejectedException.class, () -> CrmCsv.decode(latin1));
        assertEquals(415, e.status());
        assertTrue(e.detail().contains("line 2"), e.detail());
        assertEquals("crm_id", CrmCsv.decode("\uFEFFcrm_id".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTierListIsConfigurationAndIsReadCaseInsensitively() {
        CrmValidator ownTiers = new CrmValidator(List.of("none", "Bronze", "diamond"));
        CrmCsv.Parsed parsed = CrmCsv.parse("""
                crm_id,name,loyalty_tier
                B-1,Ann,bronze
                B-2,Bob,DIAMOND
                B-3,Cid,gold
                B-4,Dee,
                """);
        List<RowError> errors = ownTiers.validate(parsed.rows());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(4, errors.get(0).line());
        assertEquals("loyalty_tier", errors.get(0).column());
        assertThrows(IllegalArgumentException.class, () -> new CrmValidator(List.of("gold", "two words")));
    }

    @Test
    void validationReportsEveryBadCellWithLineAndColumn() {
        CrmCsv.Parsed parsed = CrmCsv.parse("""
                crm_id,name,email,loyalty_tier,lifetime_value,x_user_id,x_handle
                A-1,Ann,ann@example.com,gold,10.50,123,ann_x
                A-1,Ann Again,not-an-email,diamond,ten,12a,bad-handle!
                ,,,,,,
                A-3,Cid,,,-1,123,
                """);
        List<RowError> errors = validator.validate(parsed.rows());
        assertTrue(errors.contains(new RowError(3, "crm_id", "Duplicate CRM id A-1 (first on line 2).")), errors.toString());
        assertTrue(errors.contains(new RowError(3, "email", "Not an email address.")));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 3 && "loyalty_tier".equals(e.column())));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 3 && "lifetime_value".equals(e.column())));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 3 && "x_user_id".equals(e.column())));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 3 && "x_handle".equals(e.column())));
        assertTrue(errors.contains(new RowError(4, "crm_id", "Required.")));
        assertTrue(errors.contains(new RowError(4, "name", "Required.")));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 5 && "lifetime_value".equals(e.column())));
        assertTrue(errors.stream().anyMatch(e -> e.line() == 5 && "x_user_id".equals(e.column()) && e.reason().contains("line 2")));
    }

    @Test
    void exportDefusesCellsASpreadsheetWouldRunAsFormulas() {
        assertEquals("'=HYPERLINK(\"http://evil\")", CrmCsv.defuse("=HYPERLINK(\"http://evil\")"));
        assertEquals("'+1", CrmCsv.defuse("+1"));
        assertEquals("'-2", CrmCsv.defuse("-2"));
        assertEquals("'@SUM(A1)", CrmCsv.defuse("@SUM(A1)"));
        assertEquals("'\tx", CrmCsv.defuse("\tx"));
        assertEquals("'\rx", CrmCsv.defuse("\rx"));
        assertEquals("a=b", CrmCsv.defuse("a=b"));
        StringBuilder out = new StringBuilder();
        CrmCsv.write(out, List.of(java.util.Arrays.asList("A-1", "=1+1", null, "gold", "0.00", null, null, null, "multi\nline")));
        assertTrue(out.toString().contains("A-1,'=1+1,,gold,0.00,,,,\"multi\nline\""), out.toString());
    }

    @Test
    void localPartsLikeAHandle() {
        assertEquals(List.of("maria_garcia88", "maria.garcia88", "maria.garcia"), IdentityLinkService.localPartsLike("maria_garcia88"));
    }
}
