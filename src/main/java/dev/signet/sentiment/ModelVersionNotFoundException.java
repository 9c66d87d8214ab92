package dev.signet.sentiment;

import dev.signet.api.ProblemException;

public class ModelVersionNotFoundException extends ProblemException {
    public ModelVersionNotFoundException(String accountKey, int number) {
        super(404, "model-version-not-found", "Model version not found",
                "Account " + accountKey + " has no sentiment model version " + number + ".");
    }
}
