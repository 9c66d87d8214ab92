package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** An activation without a valid model version number (0 is the shipped model). */
class InvalidVersionException extends ProblemException {

    InvalidVersionException() {
        super(400, "invalid-version", "Invalid version",
                "Give the version number to activate, 0 for the shipped model.");
    }
}
