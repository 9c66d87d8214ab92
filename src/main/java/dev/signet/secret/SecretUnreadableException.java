package dev.signet.secret;

/** A sealed value that can't be opened: altered, sealed for another context, or with a key Signet doesn't have. */
public class SecretUnreadableException extends RuntimeException {

    SecretUnreadableException(String why) {
        super("secret can't be opened: " + why);
    }
}
