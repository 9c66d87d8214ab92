package dev.signet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import dev.signet.customer.CrmImportService;
import dev.signet.customer.ImportReport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CRM import on PostgreSQL: a 100,000-row CSV file (half the rows name an X user id, so identities are created,
 * linked and audited) through the whole import (strict UTF-8, parse, per-row validation, upsert in one
 * transaction), against a raw PostgreSQL {@code COPY … FROM STDIN} of the same file into a table shaped like
 * {@code customer}, in the same run. Then the same file again, which must change nothing. Prints import.rows and
 * import.raw_copy.
 */
@QuarkusTest
@Tag("bench")
class CrmImportBench {

    private static final int ROWS = 100_000;

    @Inject
    CrmImportService imports;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void importAgainstRawCopy() throws Exception {
        String run = "B" + Long.toString(System.nanoTime(), 36);
        long userIdBase = 4_000_000_000_000L + (System.nanoTime() % 1_000_000L) * 1_000_000L;
        imports.importCsv(CrmFixtures.csv(run + "w", userIdBase + 500_000, 2_000, 1).getBytes(StandardCharsets.UTF_8), "bench");

        byte[] file = CrmFixtures.csv(run, userIdBase, ROWS, 42).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ImportReport report = imports.importCsv(file, "bench");
        double importSeconds = (System.nanoTime() - start) / 1e9;
        assertTrue(report.applied(), () -> report.errors().subList(0, Math.min(5, report.errors().size())).toString());
        assertEquals(ROWS, report.created());

        long again = System.nanoTime();
        ImportReport second = imports.importCsv(file, "bench");
        double reimportSeconds = (System.nanoTime() - again) / 1e9;
        assertEquals(0, second.changed(), "re-importing the same file changes nothing");

        double copySeconds = rawCopy(new String(file, StandardCharsets.UTF_8));
        BenchReport.print("import.rows", Math.round(ROWS / importSeconds), "rows/s");
        BenchReport.print("import.raw_copy", Math.round(ROWS / copySeconds), "rows/s");
        System.out.printf("crm import: %d rows in %.2f s (re-import, 0 changed: %.2f s); raw COPY %.2f s%n", ROWS,
                importSeconds, reimportSeconds, copySeconds);
    }

    private double rawCopy(String csv) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_raw_customer");
                ddl.execute("""
                        create table bench_raw_customer (
                            id bigserial primary key, crm_id varchar(64) not null unique, name varchar(200) not null,
                            email varchar(254), loyalty_tier varchar(20) not null, lifetime_value numeric(14, 2),
                            tags varchar(1000), x_user_id varchar(32), x_handle varchar(64), notes varchar(4000))""");
            }
            long start = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy bench_raw_customer (crm_id, name, email, loyalty_tier, lifetime_value, tags, x_user_id, x_handle, notes)
                    from stdin with (format csv, header true)""", new StringReader(csv));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(ROWS, copied);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_raw_customer");
            }
            return seconds;
        }
    }
}
