package dev.signet.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A handle an identity went by, from when to when. Search finds customers by past handles too. */
@Entity
@Table(name = "handle_history")
public class HandleHistory {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "identity_id")
    private SocialIdentity identity;

    @Column(nullable = false)
    private String handle;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_to", nullable = false)
    private Instant validTo;

    protected HandleHistory() {
    }

    HandleHistory(SocialIdentity identity, String handle, Instant validFrom, Instant validTo) {
        this.identity = identity;
        this.handle = handle;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public String handle() {
        return handle;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validTo() {
        return validTo;
    }
}
