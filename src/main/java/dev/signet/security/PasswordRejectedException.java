package dev.signet.security;

import dev.signet.api.ProblemException;

/** A password change that can't be made: no local password, the current one wrong, or the new one too weak. */
final class PasswordRejectedException extends ProblemException {

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
}
