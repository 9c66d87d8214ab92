package dev.signet.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An internal note on a customer, written by a colleague; never sent to the customer. */
@Entity
@Table(name = "customer_note")
public class CustomerNote {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "author_user_id", nullable = false)
    private Long authorUserId;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CustomerNote() {
    }

    public CustomerNote(long customerId, long authorUserId, String text, Instant now) {
        this.customerId = customerId;
        this.authorUserId = authorUserId;
        this.text = text;
        this.createdAt = now;
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
}
