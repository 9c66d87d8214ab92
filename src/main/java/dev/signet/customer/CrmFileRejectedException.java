package dev.signet.customer;

import dev.signet.api.ProblemException;

/** A CRM file refused as a whole before any row is read: too large, or not UTF-8. */
public class CrmFileRejectedException extends ProblemException {

    public CrmFileRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }
}
