package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** An evaluation that names no brand account. */
class AccountRequiredException extends ProblemException {

    AccountRequiredException() {
        super(400, "account-required", "Account required",
                "Name the brand account whose active version to evaluate (account).");
    }
}
