package dev.signet.insight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One spike episode of one account: opened when the volume or the negative share first crossed the threshold,
 * closed when it was back to normal. While open, later spiking hours only raise its peak: one alert per episode.
 */
@Entity
@Table(name = "spike_alert")
public class SpikeAlert {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SpikeKind kind;

    /** {@code account:kind} while open, null once closed (unique: one open episode per account and kind). */
    @Column(name = "open_key")
    private String openKey;

    @Column(name = "hour_start", nullable = false)
    private Instant hourStart;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    private double observed;

    @Column(nullable = false)
    private double baseline;

    @Column(name = "z_score", nullable = false)
    private double zScore;

    @Column(name = "peak_observed", nullable = false)
    private double peakObserved;

    protected SpikeAlert() {
    }

    public SpikeAlert(String accountKey, SpikeKind kind, Instant hourStart, SpikeRule.SpikeScore score, Instant now) {
        this.accountKey = accountKey;
        this.kind = kind;
        this.openKey = accountKey + ":" + kind.name();
        this.hourStart = hourStart;
        this.openedAt = now;
        this.observed = score.value();
        this.baseline = score.median();
        this.zScore = score.z();
        this.peakObserved = score.value();
    }

    /** Still spiking: remember the highest value of the episode. */
    public void stillSpiking(SpikeRule.SpikeScore score) {
        peakObserved = Math.max(peakObserved, score.value());
    }

    /** Back to normal: the episode ends. */
    public void close(Instant now) {
        openKey = null;
        closedAt = now;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public SpikeAlertView view() {
        return new SpikeAlertView(id, accountKey, kind, kind.label(), hourStart, openedAt, closedAt, observed, baseline,
                zScore, peakObserved);
    }

    public Long id() {
        return id;
    }

    public SpikeKind kind() {
        return kind;
    }
}
