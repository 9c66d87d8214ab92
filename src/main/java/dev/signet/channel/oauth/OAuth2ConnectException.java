package dev.signet.channel.oauth;

import dev.signet.api.ProblemException;

/** A "Connect account" that can't go on: unknown, used or expired state, another browser, or X refused. */
public class OAuth2ConnectException extends ProblemException {

    OAuth2ConnectException(int status, String detail) {
        super(status, "oauth2-connect-refused", "The account was not connected", detail);
    }
}
