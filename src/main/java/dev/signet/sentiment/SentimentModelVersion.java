package dev.signet.sentiment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One adaptation of the sentiment model to a brand account: the head (shipped head adapted to the account's
 * corrections), the account's estimated label mix and whether it is applied (the {@link PriorGate}'s decision). At most one version of an account is active; with none
 * active the account is scored by the shipped model.
 */
@Entity
@Table(name = "sentiment_model_version")
public class SentimentModelVersion {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private int corrections;

    @Column(nullable = false)
    private int traffic;

    @Column(name = "prior_positive", nullable = false)
    private double priorPositive;

    @Column(name = "prior_neutral", nullable = false)
    private double priorNeutral;

    @Column(name = "prior_negative", nullable = false)
    private double priorNegative;

    @Column(nullable = false)
    private byte[] head;

    @Column(nullable = false)
    private boolean active;

    /** Whether scores apply the estimated label mix: only when it improved macro-recall on held-out corrections. */
    @Column(name = "prior_applied", nullable = false)
    private boolean priorApplied;

    /** How many of the account's corrections were held out to decide; 0: too few to test, left off. */
    @Column(name = "prior_held_out", nullable = false)
    private int priorHeldOut;

    @Column(name = "prior_recall_with")
    private Double priorRecallWith;

    @Column(name = "prior_recall_without")
    private Double priorRecallWithout;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SentimentModelVersion() {
    }

    public SentimentModelVersion(String accountKey, int number, String label, int corrections, int traffic,
            double[] prior, PriorGate.Decision gate, byte[] head, Instant now) {
        this.accountKey = accountKey;
        this.number = number;
        this.label = label;
        this.corrections = corrections;
        this.traffic = traffic;
        this.priorPositive = prior[0];
        this.priorNeutral = prior[1];
        this.priorNegative = prior[2];
        this.priorApplied = gate.applied();
        this.priorHeldOut = gate.heldOut();
        this.priorRecallWith = gate.recallWith();
        this.priorRecallWithout = gate.recallWithout();
        this.head = head;
        this.createdAt = now;
    }

    public void activate() {
        active = true;
    }

    public void deactivate() {
        active = false;
    }

    public Long id() {
        return id;
    }

    public String accountKey() {
        return accountKey;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public int corrections() {
        return corrections;
    }

    public int traffic() {
        return traffic;
    }

    public double[] prior() {
        return new double[] { priorPositive, priorNeutral, priorNegative };
    }

    public byte[] head() {
        return head.clone();
    }

    public boolean active() {
        return active;
    }

    /** The label-mix gate's decision and the figures behind it. */
    public PriorGate.Decision priorGate() {
        return new PriorGate.Decision(priorApplied, priorHeldOut, priorRecallWith, priorRecallWithout);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
