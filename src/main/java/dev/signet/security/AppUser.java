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
