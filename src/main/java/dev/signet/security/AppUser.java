package dev.signet.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who logs in to Signet: agent, lead, brand manager or admin. Agents and leads carry initials,
 * unique in the team, that sign every reply they write.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String initials;

    @Column(nullable = false)
    private String role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** {@link #LOCAL} (password) or {@link #OIDC} (the company's identity provider). */
    @Column(name = "identity_source", nullable = false)
    private String identitySource = LOCAL;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    static final String LOCAL = "local";
    static final String OIDC = "oidc";

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, String initials, String role, Instant now) {
        if (!Role.isKnown(role)) {
            throw new IllegalArgumentException("Unknown role " + role);
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.initials = initials;
        this.role = role;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    /** The initials that sign replies, or null for users who don't answer customers. */
    public String initials() {
        return initials;
    }

    public String role() {
        return role;
    }

    /** True for users who log in through the company's identity provider (no local password). */
    public boolean external() {
        return OIDC.equals(identitySource);
    }

    public int failedLogins() {
        return failedLogins;
    }

    /** Until when password logins are refused, or null when the user is not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** A wrong password: counted; the user is locked for {@code lockFor} once {@code maxFailures} are reached. */
    void passwordFailed(Instant now, int maxFailures, java.time.Duration lockFor) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    /** A right password, or an admin's unlock: the count starts again. */
    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** True when a successful login has something to clear (no write otherwise). */
    boolean hasFailures() {
        return failedLogins > 0 || lockedUntil != null;
    }

    void requirePasswordChange() {
        mustChangePassword = true;
    }

    void passwordChanged(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
    }

    /** Marks a user made at first login through the identity provider. */
    void fromIdentityProvider() {
        identitySource = OIDC;
    }

    /** The identity provider said otherwise at this login: its word holds. */
    void syncFromIdentityProvider(String displayName, String initials, String role) {
        if (!Role.isKnown(role)) {
            throw new IllegalArgumentException("Unknown role " + role);
        }
        this.displayName = displayName;
        this.initials = initials;
        this.role = role;
    }

    /** An admin gives this user another role (a known one). */
    void changeRole(String newRole) {
        if (!Role.isKnown(newRole)) {
            throw new IllegalArgumentException("Unknown role " + newRole);
        }
        this.role = newRole;
    }

    /** New initials (already checked as valid and free), or null for none. */
    void changeInitials(String newInitials) {
        this.initials = newInitials;
    }

    public boolean canReply() {
        return initials != null && (Role.AGENT.equals(role) || Role.LEAD.equals(role));
    }
}
