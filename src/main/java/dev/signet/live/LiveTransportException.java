package dev.signet.live;

/** The database refused or lost a live-bus connection or statement. */
class LiveTransportException extends RuntimeException {

    LiveTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
