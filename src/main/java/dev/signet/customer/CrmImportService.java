package dev.signet.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Imports CRM records from a CSV file or the upsert API. An import applies fully or not at all: every row is
 * read and checked first (a report lists each problem with line, column and reason), and only a clean file is
 * written, in one transaction ({@link CrmWriter}). Re-importing the same records changes nothing.
 */
@ApplicationScoped
public class CrmImportService {

    private static final Logger LOG = Logger.getLogger(CrmImportService.class);

    private final CrmWriter writer;
    private final CrmConfig config;
    private final CrmValidator validator;

    public CrmImportService(CrmWriter writer, CrmConfig config) {
        this.writer = writer;
        this.config = config;
        this.validator = new CrmValidator(config.tiers());
    }

    /**
     * Imports a CSV file (columns: see {@link CrmCsv#COLUMNS}).
     *
     * @throws CrmFileRejectedException if the file is larger than the limit or not UTF-8
     */
    public ImportReport importCsv(byte[] file, String actor) {
        if (file.length > config.maxFileBytes()) {
            throw new CrmFileRejectedException(413, "crm-file-too-large", "The file is too large",
                    "The file has " + file.length + " bytes; an import takes at most " + config.maxFileBytes()
                            + " bytes (" + config.maxFileBytes() / (1024 * 1024) + " MB). Split it into smaller files;"
                            + " nothing was imported.");
        }
        CrmCsv.Parsed parsed = CrmCsv.parse(CrmCsv.decode(file));
        if (!parsed.errors().isEmpty()) {
            return refused(parsed.rows().size(), parsed.errors(), actor);
        }
        return importRows(parsed.rows(), actor);
    }

    /** Creates or updates customers from the API; an item's "line" in the report is its position (1-based). */
    public ImportReport upsert(List<CrmRecord> records, String actor) {
        List<CrmRow> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new CrmRow(i + 1, records.get(i)));
        }
        return importRows(rows, actor);
    }

    private ImportReport importRows(List<CrmRow> rows, String actor) {
        List<RowError> errors = validator.validate(rows);
        if (!errors.isEmpty()) {
            return refused(rows.size(), errors, actor);
        }
        ImportReport report = writer.write(rows, actor);
        LOG.infof("crm import applied: actor=%s rows=%d created=%d updated=%d unchanged=%d linked=%d", actor,
                report.rows(), report.created(), report.updated(), report.unchanged(), report.linked());
        return report;
    }

    private static ImportReport refused(int rows, List<RowError> errors, String actor) {
        LOG.infof("crm import refused: actor=%s rows=%d errors=%d", actor, rows, errors.size());
        return ImportReport.refused(rows, errors);
    }
}
