package dev.signet.care.routing;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether an agent is on shift: marked by the agent (on shift / away), and counted as away once they were not seen
 * for {@code signet.care.away-after} (see {@link ContinuityRule#onShift}). No row: away.
 */
@Entity
@Table(name = "agent_presence")
public class AgentPresence {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "on_shift", nullable = false)
    private boolean onShift;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected AgentPresence() {
    }

    public AgentPresence(long userId, Instant now) {
        this.userId = userId;
        this.onShift = false;
        this.changedAt = now;
        this.lastSeenAt = now;
    }

    /** The agent marks themselves on shift or away; returns whether that changed anything. */
    public boolean mark(boolean onShift, Instant now) {
        lastSeenAt = now;
        if (this.onShift == onShift) {
            return false;
        }
        this.onShift = onShift;
        changedAt = now;
        return true;
    }

    /**
     * The agent was seen working; written only once a quarter of {@code awayAfter} has passed, so page loads do
     * not update the row every time. Returns whether it wrote.
     */
    public boolean seen(Instant now, Duration awayAfter) {
        if (lastSeenAt.plus(awayAfter.dividedBy(4)).isAfter(now)) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    public boolean onShift(Duration awayAfter, Instant now) {
        return ContinuityRule.onShift(onShift, lastSeenAt, awayAfter, now);
    }

    public Long userId() {
        return userId;
    }

    public boolean markedOnShift() {
        return onShift;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
