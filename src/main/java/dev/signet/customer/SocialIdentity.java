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

    protected SocialIdentity() {
    }

    public SocialIdentity(Network network, String externalUserId, String handle, String displayName, Instant now) {
        this.network = network;
        this.externalUserId = externalUserId;
        this.handle = handle;
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
        if (handle != null && !handle.isBlank() && !Objects.equals(this.handle, handle)) {
            previous = Optional.of(new HandleHistory(this, this.handle, handleSince != null ? handleSince : createdAt, now));
            this.handle = handle;
            this.handleSince = now;
        }
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        return previous;
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
