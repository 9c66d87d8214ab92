package dev.signet.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.signet.channel.Network;

/**
 * Someone who writes on a network, keyed on (network, user id): handles change, user ids don't. Linked to a
 * {@link Customer} only by an explicit rule ({@link LinkRule}).
 */
@Entity
@Table(name = "social_identity")
public class SocialIdentity {

    @Id
    @GeneratedValue
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(name = "external_user_id", nullable = false)
    private String externalUserId;

    @Column(nullable = false)
    private String handle;

    @Column(name = "display_name")
    private String displayName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_rule")
    private LinkRule linkRule;

    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Since when the identity goes by its current handle (null: since it was first seen). */
    @Column(name = "handle_since")
    private Instant handleSince;

    /**
     * False while the handle is a stand-in (the user id): X named the author by id only (e.g. a suspended account
     * missing from {@code includes.users}). Taking the real handle later is then not a rename.
     */
    @Column(name = "handle_known", nullable = false)
    private boolean handleKnown = true;

    protected SocialIdentity() {
    }

    /** An identity seen for the first time; a null or id-like {@code handle} means "not known yet". */
    public SocialIdentity(Network network, String externalUserId, String handle, String displayName, Instant now) {
        this.network = network;
        this.externalUserId = externalUserId;
        this.handleKnown = isHandle(handle, externalUserId);
        this.handle = handleKnown ? handle : externalUserId;
        this.displayName = displayName;
        this.createdAt = now;
    }

    /**
     * Keeps the current handle and display name; the identity stays the same person (and keeps its link).
     *
     * @return the handle it went by until now, to keep in its history, when the handle changed
     */
    public Optional<HandleHistory> refreshProfile(String handle, String displayName, Instant now) {
        Optional<HandleHistory> previous = Optional.empty();
        // A missing or id-like handle says nothing about the person's handle (X left the author unexpanded): the
        // known one stays, and no rename is written.
        if (isHandle(handle, externalUserId) && !Objects.equals(this.handle, handle)) {
            if (handleKnown) {
                previous = Optional.of(new HandleHistory(this, this.handle, handleSince != null ? handleSince : createdAt, now));
                this.handleSince = now;
            }
            this.handle = handle;
            this.handleKnown = true;
        }
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        return previous;
    }

    /** Whether {@code handle} names a handle, not the absence of one: not blank, not the user id itself. */
    static boolean isHandle(String handle, String userId) {
        return handle != null && !handle.isBlank() && !handle.equals(userId);
    }

    /** False while the handle is the user id standing in for a handle X has not told yet. */
    public boolean handleKnown() {
        return handleKnown;
    }

    public void linkTo(Customer customer, LinkRule rule, Instant now) {
        this.customer = customer;
        this.linkRule = rule;
        this.linkedAt = now;
    }

    void unlink() {
        this.customer = null;
        this.linkRule = null;
        this.linkedAt = null;
    }

    /** Moves to another customer (merge or its undo), keeping why it was linked. */
    void moveTo(Customer customer) {
        this.customer = customer;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long id() {
        return id;
    }

    public Network network() {
        return network;
    }

    public String externalUserId() {
        return externalUserId;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public Customer customer() {
        return customer;
    }

    public LinkRule linkRule() {
        return linkRule;
    }
}
