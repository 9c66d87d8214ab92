package dev.signet.sla;

import dev.signet.api.ProblemException;

/** A policy change refused as asked; nothing was stored. */
public class SlaPolicyRejectedException extends ProblemException {

    public SlaPolicyRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static SlaPolicyRejectedException invalid(String detail) {
        return new SlaPolicyRejectedException(400, "invalid-sla-policy", "Invalid service-level policy", detail);
    }

    static SlaPolicyRejectedException notFound(long id) {
        return new SlaPolicyRejectedException(404, "sla-policy-not-found", "Service-level policy not found",
                "There is no service-level policy " + id + ".");
    }
}
