package dev.signet.insight;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How often customers used a hashtag or term in messages to one brand account on one day (UTC), with examples. */
@Entity
@Table(name = "daily_term")
public class DailyTerm {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "term_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private String term;

    @Column(nullable = false)
    private boolean hashtag;

    @Column(nullable = false)
    private long mentions;

    /** Comma-separated ids of the first messages that used the term that day. */
    @Column(name = "example_ids", nullable = false)
    private String exampleIds;

    protected DailyTerm() {
    }

    public DailyTerm(String accountKey, LocalDate day, Term term, long messageId) {
        this.accountKey = accountKey;
        this.day = day;
        this.term = term.text();
        this.hashtag = term.hashtag();
        this.mentions = 1;
        this.exampleIds = Long.toString(messageId);
    }

    /** A count without example messages (the demo's seeded history, which has no stored messages behind it). */
    public static DailyTerm counted(String accountKey, LocalDate day, Term term, long mentions) {
        DailyTerm counted = new DailyTerm();
        counted.accountKey = accountKey;
        counted.day = day;
        counted.term = term.text();
        counted.hashtag = term.hashtag();
        counted.mentions = mentions;
        counted.exampleIds = "";
        return counted;
    }
}
