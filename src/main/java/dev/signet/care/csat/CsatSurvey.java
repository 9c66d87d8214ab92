package dev.signet.care.csat;

import java.time.Instant;

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

import dev.signet.care.Conversation;
import dev.signet.care.Message;
import dev.signet.channel.ChannelAccount;
import dev.signet.customer.Customer;
import dev.signet.customer.SocialIdentity;
import dev.signet.security.AppUser;

/**
 * The satisfaction survey of one resolution of a conversation: scheduled when an agent resolves it, then asked
 * (the question is an outgoing message signed by that agent) or skipped with the reason, then answered. The
 * status moves only through the methods below: SCHEDULED → ASKED → ANSWERED, or SCHEDULED → SKIPPED.
 */
@Entity
@Table(name = "csat_survey")
public class CsatSurvey {

    public enum Status {
        SCHEDULED, ASKED, ANSWERED, SKIPPED
    }

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private ChannelAccount account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "identity_id")
    private SocialIdentity identity;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resolved_by_user_id")
    private AppUser resolvedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason")
    private CsatSkipReason skipReason;

    @Column(name = "resolved_at", nullable = false)
    private Instant resolvedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "asked_at")
    private Instant askedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id")
    private Message message;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "answer_message_id")
    private Message answerMessage;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Integer score;

    private String comment;

    @Column(nullable = false)
    private boolean reopened;

    @Column(name = "unreadable_answer")
    private String unreadableAnswer;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CsatSurvey() {
    }

    /** Scheduled at resolution by {@code resolvedBy}, due after the delay. */
    public CsatSurvey(Conversation conversation, AppUser resolvedBy, Instant resolvedAt, Instant dueAt, Instant now) {
        this.conversation = conversation;
        this.account = conversation.account();
        this.identity = conversation.identity();
        this.resolvedBy = resolvedBy;
        this.status = Status.SCHEDULED;
        this.resolvedAt = resolvedAt;
        this.dueAt = dueAt;
        this.createdAt = now;
    }

    /** Resolved again before the question went out: the delay runs from this resolution, signed by its agent. */
    void rescheduled(AppUser resolvedBy, Instant resolvedAt, Instant dueAt) {
        requireStatus(Status.SCHEDULED);
        this.resolvedBy = resolvedBy;
        this.resolvedAt = resolvedAt;
        this.dueAt = dueAt;
    }

    void postponed(Instant until) {
        requireStatus(Status.SCHEDULED);
        dueAt = until;
    }

    /** The question went out (as {@code question}, through the outbox) to this customer. */
    public void asked(Message question, Customer linkedCustomer, Instant now) {
        requireStatus(Status.SCHEDULED);
        status = Status.ASKED;
        message = question;
        customer = linkedCustomer;
        askedAt = now;
        decidedAt = now;
    }

    public void skipped(CsatSkipReason reason, Instant now) {
        requireStatus(Status.SCHEDULED);
        status = Status.SKIPPED;
        skipReason = reason;
        decidedAt = now;
    }

    /** The customer answered with a score, a comment or both; {@code reopened}: the answer reopened the conversation. */
    public void answered(Message answer, CsatAnswer parsed, boolean reopened, Instant at) {
        requireStatus(Status.ASKED);
        status = Status.ANSWERED;
        answerMessage = answer;
        answeredAt = at;
        score = parsed.score();
        comment = parsed.comment();
        this.reopened = reopened;
    }

    /** A rating we can't use (e.g. "7"): kept to show, the survey still waits for a valid answer. */
    void unreadable(String text) {
        requireStatus(Status.ASKED);
        unreadableAnswer = text.length() > 100 ? text.substring(0, 99) + "…" : text;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("CSAT survey " + id + " is " + status + ", not " + expected);
        }
    }

    public Long id() {
        return id;
    }

    public Conversation conversation() {
        return conversation;
    }

    public ChannelAccount account() {
        return account;
    }

    public SocialIdentity identity() {
        return identity;
    }

    public AppUser resolvedBy() {
        return resolvedBy;
    }

    public Status status() {
        return status;
    }

    public CsatSkipReason skipReason() {
        return skipReason;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public Message message() {
        return message;
    }

    public Message answerMessage() {
        return answerMessage;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Integer score() {
        return score;
    }

    public String comment() {
        return comment;
    }

    public boolean reopened() {
        return reopened;
    }

    public String unreadableAnswer() {
        return unreadableAnswer;
    }

    /** How the survey stands, in words (the conversation page and the customer's timeline). */
    public String outcome() {
        return outcome(status, score, skipReason, unreadableAnswer != null);
    }

    /**
     * The one place a survey's outcome is worded, from what is stored (its status, score, skip reason, and whether
     * an answer could not be read): "Scheduled", "Asked", "Answered 4/5", "Skipped: escalated conversation"…
     */
    public static String outcome(Status status, Integer score, CsatSkipReason skipReason, boolean unreadableAnswer) {
        return switch (status) {
            case SCHEDULED -> "Scheduled";
            case ASKED -> unreadableAnswer ? "Asked (an answer was not a score from 1 to 5)" : "Asked";
            case ANSWERED -> score != null ? "Answered " + score + "/5" : "Answered in words";
            case SKIPPED -> "Skipped: " + (skipReason == null ? "no reason recorded" : skipReason.label());
        };
    }
}
