package dev.signet.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Customers' messages one brand account received in one hour (UTC). */
@Entity
@Table(name = "hourly_volume")
public class HourlyVolume {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "hour_start", nullable = false)
    private Instant hourStart;

    @Column(nullable = false)
    private long messages;

    protected HourlyVolume() {
    }

    public HourlyVolume(String accountKey, Instant hourStart) {
        this.accountKey = accountKey;
        this.hourStart = hourStart;
    }

    public void add(long count) {
        messages += count;
    }

    public String accountKey() {
        return accountKey;
    }

    public Instant hourStart() {
        return hourStart;
    }

    public long messages() {
        return messages;
    }
}
