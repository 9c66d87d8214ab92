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
        SlaReport report = reports.report(accountKey, periodKey);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("account", accountKey == null || accountKey.isBlank() ? "all" : accountKey.strip());
        detail.put("period", periodKey);
        detail.put("format", "csv");
        audit.record(actor, AuditAction.EXPORTED, AuditTarget.of(AuditTarget.EXPORT, what), detail);
        return report;
    }
}
