package dev.signet.channel.oauth;

/**
 * Thrown by a call made with a brand's user access token when X answers 401: {@link OAuth2Service#withUserToken}
 * refreshes the token once and calls again.
 */
public class UserTokenRejectedException extends RuntimeException {

    public UserTokenRejectedException(String what) {
        super("X refused the user access token: " + what);
    }
}
