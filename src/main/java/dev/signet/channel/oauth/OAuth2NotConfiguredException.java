package dev.signet.channel.oauth;

import dev.signet.api.ProblemException;

/** "Connect account" asked for an account that has no OAuth 2.0 client configured. */
final class OAuth2NotConfiguredException extends ProblemException {

    OAuth2NotConfiguredException(String accountKey) {
        super(404, "oauth2-not-configured", "No OAuth 2.0 client for this account",
                "The account " + accountKey + " has no signet.channel.oauth2.accounts entry.");
    }
}
