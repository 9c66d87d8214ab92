package dev.signet.security;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Creates users and checks their passwords. Initials are unique in the team (case-insensitively). */
@ApplicationScoped
public class AppUserService {

    private static final Pattern INITIALS = Pattern.compile("[A-Za-z]{2,4}");

    private final AppUserRepository users;
    private final Clock clock;

    public AppUserService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public AppUser create(String username, String password, String displayName, String initials, String role) {
        if (users.findByUsername(username).isPresent()) {
            throw UserRejectedException.usernameTaken(username);
        }
        String normalized = null;
        if (initials != null) {
            if (!INITIALS.matcher(initials).matches()) {
                throw UserRejectedException.invalidInitials();
            }
            normalized = initials.toUpperCase(Locale.ROOT);
            if (users.initialsTaken(normalized)) {
                throw UserRejectedException.initialsTaken(normalized);
            }
        }
        AppUser user = new AppUser(username, BcryptUtil.bcryptHash(password), displayName, normalized, role, clock.instant());
        users.persist(user);
        return user;
    }

    /** The user with these credentials, if they match. */
    @Transactional
    public Optional<AppUser> authenticate(String username, char[] password) {
        return users.findByUsername(username)
                .filter(user -> BcryptUtil.matches(new String(password), user.passwordHash()));
    }

    /** The colleagues a conversation can be handed to: agents and leads who sign replies. */
    @Transactional
    public List<AppUser> answerers() {
        return users.answerers();
    }

    @Transactional
    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }
}
