package dev.signet.channel.x;

/** X API v2 answered with an error status; {@code reason} is X's own explanation from the problem body. */
final class XApiV2Failure extends RuntimeException {

    private final int status;

    XApiV2Failure(int status, String reason) {
        super("HTTP " + status + " " + reason);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** Rate limits and X's own failures pass; a refusal (4xx) will be refused again. */
    boolean retryable() {
        return status == 429 || status >= 500;
    }
}
