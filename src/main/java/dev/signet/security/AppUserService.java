package dev.signet.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.signet.api.ProblemException;
import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Creates users and checks their passwords. Initials are unique in the team (case-insensitively). */
@ApplicationScoped
public class AppUserService {

    private static final Pattern INITIALS = Pattern.compile("[A-Za-z]{2,4}");

    private final AppUserRepository users;
    private final Clock clock;
    private final AuditTrail audit;

    public AppUserService(AppUserRepository users, Clock clock, AuditTrail audit) {
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    /** A user created by Signet itself (the demo's team, a test's world). */
    @Transactional
    public AppUser create(String username, String password, String displayName, String initials, String role) {
        return create(username, password, displayName, initials, role, AuditTrail.SYSTEM);
    }

    /** A user an admin ({@code by}) adds; audited with the role and initials given. */
    @Transactional
    public AppUser create(String username, String password, String displayName, String initials, String role, String by) {
        if (users.findByUsername(username).isPresent()) {
            throw new ProblemException(409, "username-taken", "User name taken", "The user name " + username + " is already in use.");
        }
        String normalized = null;
        if (initials != null) {
            if (!INITIALS.matcher(initials).matches()) {
                throw new ProblemException(400, "invalid-initials", "Invalid initials",
                        "Initials are 2 to 4 letters, e.g. MD.");
            }
            normalized = initials.toUpperCase(Locale.ROOT);
            if (users.initialsTaken(normalized)) {
                throw new ProblemException(409, "initials-taken", "Initials taken",
                        "Another team member already signs with ^" + normalized + "; choose other initials.");
            }
        }
        AppUser user = new AppUser(username, BcryptUtil.bcryptHash(password), displayName, normalized, role, clock.instant());
        users.persist(user);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", role);
        detail.put("initials", normalized);
        audit.record(by, AuditAction.USER_CREATED, AuditTarget.of(AuditTarget.USER, username), detail);
        return user;
    }

    /**
     * An admin ({@code by}) changes a user's role and/or initials (null leaves each as it is); each change is
     * audited with its before and after.
     */
    @Transactional
    public AppUser change(String username, String role, String initials, String by) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> UserRejectedException.notFound(username));
        if (role != null && !role.equals(user.role())) {
            if (!Role.isKnown(role)) {
                throw UserRejectedException.unknownRole(role);
            }
            audit.record(by, AuditAction.ROLE_CHANGED, AuditTarget.of(AuditTarget.USER, username), fromTo(user.role(), role));
            user.changeRole(role);
        }
        if (initials != null) {
            if (!INITIALS.matcher(initials).matches()) {
                throw UserRejectedException.invalidInitials();
            }
            String normalized = initials.toUpperCase(Locale.ROOT);
            if (!normalized.equals(user.initials())) {
                if (users.initialsTaken(normalized)) {
                    throw UserRejectedException.initialsTaken(normalized);
                }
                audit.record(by, AuditAction.INITIALS_CHANGED, AuditTarget.of(AuditTarget.USER, username),
                        fromTo(user.initials(), normalized));
                user.changeInitials(normalized);
            }
        }
        return user;
    }

    private static Map<String, Object> fromTo(String from, String to) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        return detail;
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
