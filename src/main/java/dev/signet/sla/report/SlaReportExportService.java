package dev.signet.sla.report;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;

/** The SLA report's CSV files: the report's figures, each export audited in its read. */
@ApplicationScoped
public class SlaReportExportService {

    private final SlaReportService reports;
    private final AuditTrail audit;

    public SlaReportExportService(SlaReportService reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /** The report to export as {@code what} ({@code sla-lines}, {@code sla-breaches}), recorded as exported by the actor. */
    @Transactional
    public SlaReport export(String what, String accountKey, String periodKey, String actor) {
        return export(what, accountKey, periodKey, null, actor);
    }

    /** As {@link #export(String, String, String, String)}, the breaches before a cursor (null: the latest). */
    @Transactional
    public SlaReport export(String what, String accountKey, String periodKey, String before, String actor) {
        SlaReport report = reports.report(accountKey, periodKey, before);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("account", accountKey == null || accountKey.isBlank() ? "all" : accountKey.strip());
        detail.put("period", periodKey);
        if (before != null && !before.isBlank()) {
            detail.put("before", before);
        }
        detail.put("format", "csv");
        audit.record(actor, AuditAction.EXPORTED, AuditTarget.of(AuditTarget.EXPORT, what), detail);
        return report;
    }
}
