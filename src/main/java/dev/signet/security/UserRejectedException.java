package dev.signet.security;

import dev.signet.api.ProblemException;

/** A change of a team member refused for a reason the admin can act on. */
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

    static UserRejectedException invalidInitials() {
        return new UserRejectedException(400, "invalid-initials", "Invalid initials", "Initials are 2 to 4 letters, e.g. MD.");
    }

    static UserRejectedException initialsTaken(String initials) {
        return new UserRejectedException(409, "initials-taken", "Initials taken",
                "Another team member already signs with ^" + initials + "; choose other initials.");
    }
}
