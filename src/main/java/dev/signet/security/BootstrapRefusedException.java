package dev.signet.security;

import dev.signet.api.ProblemException;

/** The first-admin bootstrap refused: off, its token too short or wrong, already used, or the user incomplete. */
final class BootstrapRefusedException extends ProblemException {

    private BootstrapRefusedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static BootstrapRefusedException off() {
        return new BootstrapRefusedException(404, "bootstrap-off", "No bootstrap",
                "This install has no bootstrap token (SIGNET_BOOTSTRAP_TOKEN); an admin adds users.");
    }

    static BootstrapRefusedException tokenTooShort(int minimum) {
        return new BootstrapRefusedException(503, "bootstrap-token-weak", "Bootstrap token too short",
                "SIGNET_BOOTSTRAP_TOKEN must have at least " + minimum + " characters; set a longer one.");
    }

    static BootstrapRefusedException used() {
        return new BootstrapRefusedException(410, "bootstrap-used", "Bootstrap already used",
                "The first admin exists already; the bootstrap token no longer works. Log in, or ask an admin.");
    }

    static BootstrapRefusedException tokenWrong() {
        return new BootstrapRefusedException(403, "bootstrap-token-wrong", "Wrong bootstrap token",
                "The bootstrap token does not match SIGNET_BOOTSTRAP_TOKEN.");
    }

    static BootstrapRefusedException incompleteUser() {
        return new BootstrapRefusedException(400, "invalid-user", "Invalid user",
                "A user name and a display name are required.");
    }
}
