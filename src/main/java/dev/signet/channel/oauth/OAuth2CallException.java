package dev.signet.channel.oauth;

/** X's token or revoke endpoint refused or failed; the message names X's error code, never a token. */
class OAuth2CallException extends RuntimeException {

    private final int status;
    private final String error;
    private final boolean retryable;

    OAuth2CallException(String message, int status, String error, boolean retryable) {
        super(message);
        this.status = status;
        this.error = error;
        this.retryable = retryable;
    }

    int status() {
        return status;
    }

    /** X's {@code error} code, e.g. {@code invalid_request}. */
    String error() {
        return error;
    }

    /** A 5xx, 429 or network failure: trying later may work. */
    boolean retryable() {
        return retryable;
    }
}
