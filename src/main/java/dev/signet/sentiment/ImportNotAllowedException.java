package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** An import of a labelled file as corrections by someone who is neither lead nor admin. */
class ImportNotAllowedException extends ProblemException {

    ImportNotAllowedException() {
        super(403, "import-not-allowed", "Import not allowed for your role",
                "Only leads and admins import labelled files as corrections; evaluate without importing.");
    }
}
