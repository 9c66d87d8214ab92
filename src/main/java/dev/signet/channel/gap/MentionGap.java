package dev.signet.channel.gap;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A hole in one account's mentions timeline (ids strictly between {@code afterId} and {@code beforeId}) and how
 * far its recovery got. Searched newest first: {@code searchUntilId} moves down as pages are stored.
 */
@Entity
@Table(name = "mention_gap")
public class MentionGap {

    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(name = "after_id", nullable = false)
    private String afterId;

    @Column(name = "before_id", nullable = false)
    private String beforeId;

    @Column(name = "search_until_id", nullable = false)
    private String searchUntilId;

    @Column(name = "from_time", nullable = false)
    private Instant fromTime;

    @Column(name = "to_time", nullable = false)
    private Instant toTime;

    @Column(name = "estimated_count", nullable = false)
    private int estimatedCount;

    @Column(name = "recovered_count", nullable = false)
    private int recoveredCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GapState state;

    @Column(name = "lost_before")
    private Instant lostBefore;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    protected MentionGap() {
        // for JPA
    }

    MentionGap(String accountKey, String afterId, String beforeId, Instant fromTime, Instant toTime, int estimatedCount,
            Instant detectedAt) {
        this.accountKey = accountKey;
        this.afterId = afterId;
        this.beforeId = beforeId;
        this.searchUntilId = beforeId;
        this.fromTime = fromTime;
        this.toTime = toTime;
        this.estimatedCount = estimatedCount;
        this.state = GapState.OPEN;
        this.detectedAt = detectedAt;
    }

    /** One search of the gap stored {@code found} mentions and read down to {@code oldestId} (null: none found). */
    void searched(int found, String oldestId) {
        attempts++;
        recoveredCount += found;
        lastError = null;
        if (oldestId != null) {
            searchUntilId = oldestId;
        }
    }

    /** The search reached its lower bound; {@code lostBefore} non-null when X's search could not reach all of it. */
    void closed(Instant lostBefore, Instant now) {
        this.lostBefore = lostBefore;
        this.state = lostBefore == null ? GapState.RECOVERED : GapState.LOST;
        this.closedAt = now;
    }

    /** A search failed: the gap stays open and is searched again next poll. */
    void searchFailed(String reason) {
        attempts++;
        lastError = reason == null ? null : reason.substring(0, Math.min(ERROR_LENGTH, reason.length()));
    }

    GapView view() {
        return new GapView(id, accountKey, afterId, beforeId, fromTime, toTime, estimatedCount, recoveredCount, state,
                lostBefore, detectedAt, closedAt, attempts, lastError);
    }

    Long id() {
        return id;
    }

    String accountKey() {
        return accountKey;
    }

    String afterId() {
        return afterId;
    }

    String searchUntilId() {
        return searchUntilId;
    }

    Instant fromTime() {
        return fromTime;
    }
}
