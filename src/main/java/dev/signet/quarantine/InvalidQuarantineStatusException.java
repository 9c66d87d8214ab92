package dev.signet.quarantine;

import dev.signet.api.ProblemException;

/** A quarantine list filter naming neither QUARANTINED nor REPLAYED. */
final class InvalidQuarantineStatusException extends ProblemException {

    InvalidQuarantineStatusException() {
        super(400, "invalid-quarantine-status", "Invalid status", "Give the status as QUARANTINED or REPLAYED.");
    }
}
