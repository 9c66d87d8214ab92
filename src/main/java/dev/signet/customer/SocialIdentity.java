package dev.signet.customer;

import java.time.Instant;
import java.util.Objects;

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

    protected SocialIdentity() {
    }

    public SocialIdentity(Network network, String externalUserId, String handle, String displayName, Instant now) {
        this.network = network;
        this.externalUserId = externalUserId;
        this.handle = handle;
        this.displayName = displayName;
        this.createdAt = now;
    }

    /** Keeps the current handle and display name; the identity stays the same person. */
    public void refreshProfile(String handle, String displayName) {
        if (handle != null && !handle.isBlank() && !Objects.equals(this.handle, handle)) {
            this.handle = handle;
        }
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
    }

    public void linkTo(Customer customer, LinkRule rule, Instant now) {
        this.customer = customer;
        this.linkRule = rule;
        this.linkedAt = now;
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
