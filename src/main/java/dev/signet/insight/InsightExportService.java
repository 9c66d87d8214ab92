package dev.signet.insight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;

/** The insights' exports (CSV and JSON files): the same figures as the page, each export audited in its read. */
@ApplicationScoped
public class InsightExportService {

    private final InsightQueryService insights;
    private final AuditTrail audit;

    public InsightExportService(InsightQueryService insights, AuditTrail audit) {
        this.insights = insights;
        this.audit = audit;
    }

    @Transactional
    public List<InsightReport.SeriesPoint> series(String accountKey, InsightPeriod period, String actor, String format) {
        List<InsightReport.SeriesPoint> series = insights.series(accountKey, period);
        exported("insights-series", accountKey, period, actor, format);
        return series;
    }

    @Transactional
    public List<FlaggedMessageView> flagged(String accountKey, InsightPeriod period, String actor, String format) {
        List<FlaggedMessageView> flagged = insights.flagged(accountKey, period);
        exported("insights-flagged", accountKey, period, actor, format);
        return flagged;
    }

    private void exported(String what, String accountKey, InsightPeriod period, String actor, String format) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("account", accountKey);
        detail.put("period", period.key());
        detail.put("format", format);
        audit.record(actor, AuditAction.EXPORTED, AuditTarget.of(AuditTarget.EXPORT, what), detail);
    }
}
