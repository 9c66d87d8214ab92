package dev.signet.sentiment;

import dev.signet.api.ProblemException;

/** A brand account sentiment is asked about that does not exist. */
class BrandAccountNotFoundException extends ProblemException {

    BrandAccountNotFoundException(String accountKey) {
        super(404, "account-not-found", "Brand account not found", "There is no brand account '" + accountKey + "'.");
    }
}
