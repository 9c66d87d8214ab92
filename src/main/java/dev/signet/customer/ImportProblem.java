package dev.signet.customer;

import java.net.URI;

/**
 * An RFC 9457 problem for a refused import, with the import report as an extension member: every refused row's
 * line, column and reason.
 */
public record ImportProblem(URI type, String title, int status, String detail, String instance, ImportReport report) {

    static ImportProblem of(ImportReport report, String path) {
        return new ImportProblem(URI.create("/problems/crm-import-invalid"), "The import was refused", 422,
                report.errors().size() + " problem(s) in " + report.rows()
                        + " row(s); nothing was imported. Fix them and import the whole file again.",
                path, report);
    }
}
