package dev.signet.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.signet.security.AppUser;

/** A conversation handed from one agent to another: who, to whom, why, and the line the customer got, if any. */
@Entity
@Table(name = "hand_off")
public class HandOff {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_user_id")
    private AppUser from;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_user_id")
    private AppUser to;

    @Column(nullable = false)
    private String reason;

    @Column(name = "customer_line")
    private String customerLine;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HandOff() {
    }

    public HandOff(Conversation conversation, AppUser from, AppUser to, String reason, String customerLine, Instant now) {
        this.conversation = conversation;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.customerLine = customerLine;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public AppUser from() {
        return from;
    }

    public AppUser to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public String customerLine() {
        return customerLine;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
