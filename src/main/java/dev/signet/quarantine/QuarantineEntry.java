package dev.signet.quarantine;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signet.channel.MessageKind;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;

/** One item Signet could not take, kept alone with its raw JSON until it is replayed. */
@Entity
@Table(name = "quarantine_entry")
public class QuarantineEntry {

    /** Longest detail or replay error kept (the column's length). */
    private static final int DETAIL_MAX = 1000;
    /** Longest account key or id kept (the columns' length); a record from elsewhere may carry longer ones. */
    private static final int KEY_MAX = 64;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private String source;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    @Column(name = "external_id")
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuarantineReason reason;

    @Column(nullable = false)
    private String detail;

    @Column(name = "raw_json", nullable = false, columnDefinition = "text")
    private String rawJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuarantineStatus status;

    /** How often the same item (account, id) came again while quarantined. */
    @Column(nullable = false)
    private int occurrences;

    @Column(name = "replay_attempts", nullable = false)
    private int replayAttempts;

    @Column(name = "last_replay_error")
    private String lastReplayError;

    @Column(name = "quarantined_at", nullable = false)
    private Instant quarantinedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "replayed_at")
    private Instant replayedAt;

    protected QuarantineEntry() {
    }

    QuarantineEntry(QuarantinedItem item, Instant now) {
        this.accountKey = cut(item.accountKey(), KEY_MAX);
        this.source = item.source();
        this.kind = item.kind();
        this.externalId = item.externalId() == null ? null : cut(item.externalId(), KEY_MAX);
        this.reason = item.reason();
        this.detail = truncated(item.detail() == null ? item.reason().name() : item.detail());
        this.rawJson = item.rawJson();
        this.status = QuarantineStatus.QUARANTINED;
        this.occurrences = 1;
        this.quarantinedAt = now;
        this.lastSeenAt = now;
    }

    /** The same item came again (a re-read page): counted, the newest raw JSON and reason kept. */
    void seenAgain(QuarantinedItem item, Instant now) {
        occurrences++;
        lastSeenAt = now;
        reason = item.reason();
        detail = truncated(item.detail() == null ? item.reason().name() : item.detail());
        rawJson = item.rawJson();
    }

    /** A replay took it: it stays listed as replayed (its history), no longer counted. */
    void replayed(String usedJson, Instant now) {
        replayAttempts++;
        rawJson = usedJson;
        status = QuarantineStatus.REPLAYED;
        replayedAt = now;
        lastReplayError = null;
    }

    /** A replay still could not take it: it stays quarantined, with why. */
    void replayFailed(QuarantineReason why, String error) {
        replayAttempts++;
        if (why != null) {
            reason = why;
        }
        lastReplayError = truncated(error);
    }

    private static String truncated(String text) {
        return cut(text, DETAIL_MAX);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    boolean sameJson(String json) {
        return rawJson.equals(json);
    }

    QuarantineView view() {
        return new QuarantineView(id, accountKey, source, kind, externalId, reason, detail, rawJson, status,
                occurrences, replayAttempts, lastReplayError, quarantinedAt, lastSeenAt, replayedAt);
    }
}
