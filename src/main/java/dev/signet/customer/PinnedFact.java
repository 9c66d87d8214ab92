package dev.signet.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A fact the customer already gave (order number, flight, address change), pinned by an agent from one of the
 * customer's messages, so that no one asks again: it shows on top of every conversation of the customer.
 */
@Entity
@Table(name = "pinned_fact")
public class PinnedFact {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    /** The message it was taken from; null for facts that came with no message (e.g. demo data). */
    @Column(name = "message_id")
    private Long messageId;

    @Column(nullable = false)
    private String label;

    @Column(name = "fact_value", nullable = false)
    private String value;

    @Column(name = "pinned_by", nullable = false)
    private String pinnedBy;

    @Column(name = "pinned_at", nullable = false)
    private Instant pinnedAt;

    @Column(name = "unpinned_by")
    private String unpinnedBy;

    @Column(name = "unpinned_at")
    private Instant unpinnedAt;

    protected PinnedFact() {
    }

    public PinnedFact(long customerId, Long messageId, String label, String value, String pinnedBy, Instant now) {
        this.customerId = customerId;
        this.messageId = messageId;
        this.label = label;
        this.value = value;
        this.pinnedBy = pinnedBy;
        this.pinnedAt = now;
    }

    void unpin(String actor, Instant now) {
        if (unpinnedAt != null) {
            throw new CustomerActionException(409, "fact-already-unpinned", "Fact already unpinned",
                    "This fact was unpinned by " + unpinnedBy + ".");
        }
        this.unpinnedBy = actor;
        this.unpinnedAt = now;
    }

    void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public Long id() {
        return id;
    }

    public Long customerId() {
        return customerId;
    }

    public Long messageId() {
        return messageId;
    }

    public String label() {
        return label;
    }

    public String value() {
        return value;
    }

    public String pinnedBy() {
        return pinnedBy;
    }

    public Instant pinnedAt() {
        return pinnedAt;
    }

    public boolean pinned() {
        return unpinnedAt == null;
    }
}
