package dev.signet.quarantine;

import dev.signet.api.ProblemException;

/** A replay did not take the item: it stays in the quarantine, with why. */
class ReplayRefusedException extends ProblemException {
    ReplayRefusedException(long id, String why) {
        super(422, "quarantine-replay-refused", "Replay refused",
                "Quarantined item " + id + " could not be taken: " + why);
    }
}
