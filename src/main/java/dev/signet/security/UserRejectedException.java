package dev.signet.security;

import dev.signet.api.ProblemException;

/** A team member that can't be added or changed as asked: unknown, bad role or initials, or a name or initials taken. */
public class UserRejectedException extends ProblemException {

    UserRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static UserRejectedException notFound(String username) {
        return new UserRejectedException(404, "user-not-found", "User not found", "There is no user " + username + ".");
    }

    static UserRejectedException unknownRole(String role) {
        return new UserRejectedException(400, "unknown-role", "Unknown role",
                "\"" + role + "\" is no role; one of agent, lead, brand-manager, admin.");
    }

    static UserRejectedException usernameTaken(String username) {
        return new UserRejectedException(409, "username-taken", "User name taken",
                "The user name " + username + " is already in use.");
    }

    static UserRejectedException invalidInitials() {
        return new UserRejectedException(400, "invalid-initials", "Invalid initials", "Initials are 2 to 4 letters, e.g. MD.");
    }

    static UserRejectedException initialsTaken(String initials) {
        return new UserRejectedException(409, "initials-taken", "Initials taken",
                "Another team member already signs with ^" + initials + "; choose other initials.");
    }

    static UserRejectedException usernameTakenByLocalAccount(String username) {
        return new UserRejectedException(409, "username-taken", "User name taken", "The user name " + username
                + " belongs to a local account; ask an admin to rename it before logging in through the company login.");
    }
}
