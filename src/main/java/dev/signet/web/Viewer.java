package dev.signet.web;

import dev.signet.security.AppUser;

/** The logged-in user as pages show them. */
public record Viewer(String username, String displayName, String initials, String role) {

    public static Viewer of(AppUser user) {
        return new Viewer(user.username(), user.displayName(), user.initials(), user.role());
    }
}
