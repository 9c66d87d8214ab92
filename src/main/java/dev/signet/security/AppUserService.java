package dev.signet.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.signet.audit.AuditAction;
import dev.signet.audit.AuditTarget;
import dev.signet.audit.AuditTrail;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Creates users and checks their passwords (with lockout after repeated failures), and keeps the users of the
 * company's identity provider in step with their token claims. Initials are unique in the team (case-insensitively).
 */
@ApplicationScoped
public class AppUserService {

    private static final Logger LOG = Logger.getLogger(AppUserService.class);
    private static final Pattern INITIALS = Pattern.compile("[A-Za-z]{2,4}");

    private final AppUserRepository users;
    private final Clock clock;
    private final SecurityConfig config;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    public AppUserService(AppUserRepository users, Clock clock, SecurityConfig config, AuditTrail audit) {
        this.users = users;
        this.clock = clock;
        this.config = config;
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

    /**
     * The user with these credentials, if they match and the user is not locked. A wrong password counts towards the
     * lockout ({@code signet.security.lockout.*}); a right one clears the count. Users of the identity provider have
     * no password here.
     */
    @Transactional
    public Optional<AppUser> authenticate(String username, char[] password) {
        Optional<AppUser> found = users.findByUsername(username);
        if (found.isEmpty() || found.get().external()) {
            return Optional.empty();
        }
        AppUser user = found.get();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            LOG.infof("login refused: user=%s reason=locked until=%s", username, user.lockedUntil());
            return Optional.empty();
        }
        if (!BcryptUtil.matches(new String(password), user.passwordHash())) {
            user.passwordFailed(now, config.lockout().maxFailures(), config.lockout().duration());
            LOG.infof("login failed: user=%s failures=%d locked=%s", username, user.failedLogins(), user.lockedAt(now));
            return Optional.empty();
        }
        if (user.hasFailures()) {
            user.unlock();
        }
        return Optional.of(user);
    }

    /** An admin lifts a user's lockout (and the count of failures). */
    @Transactional
    public AppUser unlock(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> UserRejectedException.notFound(username));
        user.unlock();
        LOG.infof("user unlocked: user=%s", username);
        return user;
    }

    /** Every user, by user name, for the admins' view (lockouts included). */
    @Transactional
    public List<AppUser> all() {
        return users.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    /** A local user replaces their password (the forced change after the bootstrap included). */
    @Transactional
    public void changePassword(String username, String current, String replacement) {
        AppUser user = users.findByUsername(username).filter(u -> !u.external()).orElseThrow(PasswordRejectedException::noLocalPassword);
        if (current == null || !BcryptUtil.matches(current, user.passwordHash())) {
            throw PasswordRejectedException.wrongPassword();
        }
        checkStrength(replacement);
        if (replacement.equals(current)) {
            throw PasswordRejectedException.unchanged();
        }
        user.passwordChanged(BcryptUtil.bcryptHash(replacement));
        LOG.infof("password changed: user=%s", username);
    }

    /** Refuses a password shorter than {@code signet.security.min-password-length}. */
    void checkStrength(String password) {
        if (password == null || password.strip().length() < config.minPasswordLength()) {
            throw PasswordRejectedException.tooShort(config.minPasswordLength());
        }
    }

    /**
     * The user a company login names, made at first sight and kept in step afterwards (name, initials and role as the
     * identity provider says at this login), so that replies carry their initials and hand-offs name them.
     */
    @Transactional
    public AppUser fromIdentityProvider(IdpUser idp) {
        Optional<AppUser> found = users.findByUsername(idp.username());
        if (found.isPresent() && !found.get().external()) {
            // A local account of the same name is not taken over by a token: an admin must rename one of them.
            throw UserRejectedException.usernameTakenByLocalAccount(idp.username());
        }
        AppUser user = found.orElse(null);
        String initials = initialsFor(idp, user);
        if (user == null) {
            String unusable = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random.generateSeed(24)));
            user = new AppUser(idp.username(), unusable, idp.displayName(), initials, idp.role(), clock.instant());
            user.fromIdentityProvider();
            users.persist(user);
            LOG.infof("user from identity provider: user=%s role=%s initials=%s", idp.username(), idp.role(), initials);
        } else if (!idp.displayName().equals(user.displayName()) || !idp.role().equals(user.role())
                || !java.util.Objects.equals(initials, user.initials())) {
            user.syncFromIdentityProvider(idp.displayName(), initials, idp.role());
            LOG.infof("user updated from identity provider: user=%s role=%s initials=%s", idp.username(), idp.role(), initials);
        }
        return user;
    }

    /** The claim's initials if valid and free, else the user's current ones, else some derived from the name. */
    private String initialsFor(IdpUser idp, AppUser existing) {
        if (!Role.AGENT.equals(idp.role()) && !Role.LEAD.equals(idp.role())) {
            return null; // only those who answer customers sign replies
        }
        List<String> candidates = new ArrayList<>();
        if (idp.initials() != null && INITIALS.matcher(idp.initials()).matches()) {
            candidates.add(idp.initials().toUpperCase(Locale.ROOT));
        }
        if (existing != null && existing.initials() != null) {
            candidates.add(existing.initials());
        }
        candidates.addAll(IdpClaims.initialsFromName(idp.displayName()));
        for (String candidate : candidates) {
            Optional<AppUser> holder = users.findByInitials(candidate);
            if (holder.isEmpty() || holder.get() == existing) {
                return candidate;
            }
        }
        LOG.warnf("no free initials for user=%s: they can't sign replies until an admin gives them some", idp.username());
        return null;
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
