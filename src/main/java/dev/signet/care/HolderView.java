package dev.signet.care;

import java.time.Instant;

import dev.signet.security.AppUser;

/** Who holds a conversation, until when: shown as "held by ^MD". */
public record HolderView(String username, String initials, String name, Instant until) {

    static HolderView of(AppUser user, Instant until) {
        return new HolderView(user.username(), user.initials(), user.displayName(), until);
    }
}
