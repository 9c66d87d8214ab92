package dev.signet.insight;

import dev.signet.api.ProblemException;

public class AccountNotFoundException extends ProblemException {
    public AccountNotFoundException(String accountKey) {
        super(404, "account-not-found", "Brand account not found", "There is no brand account \""
                + (accountKey.length() > 64 ? accountKey.substring(0, 64) + "…" : accountKey) + "\".");
    }
}
