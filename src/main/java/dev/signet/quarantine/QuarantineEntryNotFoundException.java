package dev.signet.quarantine;

import dev.signet.api.ProblemException;

class QuarantineEntryNotFoundException extends ProblemException {
    QuarantineEntryNotFoundException(long id) {
        super(404, "quarantine-entry-not-found", "Quarantined item not found", "There is no quarantined item " + id + ".");
    }
}
