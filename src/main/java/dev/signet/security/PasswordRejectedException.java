package dev.signet.security;

import dev.signet.api.ProblemException;

/**
 * A password that can't be taken: no local password, the current one wrong, the new one too weak or typed twice
 * differently, or a change required before anything else.
 */
public final class PasswordRejectedException extends ProblemException {

    private PasswordRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static PasswordRejectedException noLocalPassword() {
        return new PasswordRejectedException(400, "no-local-password", "No local password",
                "This account logs in through the company's identity provider.");
    }

    static PasswordRejectedException wrongPassword() {
        return new PasswordRejectedException(400, "wrong-password", "Wrong password", "The current password is wrong.");
    }

    static PasswordRejectedException unchanged() {
        return new PasswordRejectedException(400, "weak-password", "Weak password",
                "The new password must differ from the current one.");
    }

    static PasswordRejectedException tooShort(int minimum) {
        return new PasswordRejectedException(400, "weak-password", "Weak password",
                "A password has at least " + minimum + " characters.");
    }

    /** The password and its repetition on a form differ. */
    public static PasswordRejectedException mismatch() {
        return new PasswordRejectedException(400, "password-mismatch", "Passwords differ",
                "The password and its repetition differ; type them again.");
    }

    static PasswordRejectedException changeRequired(String changePage) {
        return new PasswordRejectedException(403, "password-change-required", "Change your password first",
                "This account must choose a new password before anything else: open " + changePage + ".");
    }
}
