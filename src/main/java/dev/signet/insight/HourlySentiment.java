package dev.signet.insight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signet.sentiment.Sentiment;

/** How many customers' messages sent to one brand account in one hour (UTC) were scored in each class. */
@Entity
@Table(name = "hourly_sentiment")
public class HourlySentiment {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "hour_start", nullable = false)
    private Instant hourStart;

    @Column(nullable = false)
    private long positive;

    @Column(nullable = false)
    private long neutral;

    @Column(nullable = false)
    private long negative;

    protected HourlySentiment() {
    }

    public HourlySentiment(String accountKey, Instant hourStart) {
        this.accountKey = accountKey;
        this.hourStart = hourStart;
    }

    public void add(Sentiment sentiment, long count) {
        switch (sentiment) {
            case POSITIVE -> positive += count;
            case NEUTRAL -> neutral += count;
            case NEGATIVE -> negative += count;
        }
    }

    public String accountKey() {
        return accountKey;
    }

    public Instant hourStart() {
        return hourStart;
    }

    public long positive() {
        return positive;
    }

    public long neutral() {
        return neutral;
    }

    public long negative() {
        return negative;
    }
}
