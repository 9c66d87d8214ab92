package dev.signet.audit;

import dev.signet.api.ProblemException;

/** A filter of the audit list that can't be read (unknown action, bad date, page out of range). */
public class AuditQueryException extends ProblemException {

    AuditQueryException(String detail) {
        super(400, "bad-audit-filter", "Bad audit filter", detail);
    }
}
