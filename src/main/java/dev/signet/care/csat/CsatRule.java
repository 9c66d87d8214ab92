package dev.signet.care.csat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.signet.care.ConversationStatus;

/**
 * Whether to ask a customer how satisfied they are once their conversation's survey is due (docs/design.md,
 * "Surveys"): only a conversation still resolved after the delay, never an escalated one, none handed off less
 * than {@code handOffQuiet} before resolution, only if an agent answered, and at most once per customer in
 * {@code period} across all accounts and channels. The first reason that applies is the one recorded.
 */
public final class CsatRule {

    /** The settings the rule reads. */
    public record Settings(Duration delay, Duration period, Duration handOffQuiet, Duration answerWindow) {

        public static Settings of(CsatConfig config) {
            return new Settings(config.delay(), config.period(), config.handOffQuiet(), config.answerWindow());
        }
    }

    /**
     * What is known about the conversation when its survey is due.
     *
     * @param resolvedAt      when it was (last) resolved; null when it is not resolved now
     * @param lastHandOffAt   the latest hand-off of the conversation, if any
     * @param lastAskedAt     when this customer (or, unlinked, this identity) was last asked, any conversation
     * @param agentReplied    whether an agent wrote to the customer in this conversation (questions excluded)
     */
    public record Facts(ConversationStatus status, Instant resolvedAt, boolean escalated,
            Optional<Instant> lastHandOffAt, Optional<Instant> lastAskedAt, boolean agentReplied) {
    }

    /** Ask now, wait until a later moment (resolved again since), or skip with a reason. */
    public record Decision(Kind kind, CsatSkipReason reason, Instant waitUntil) {

        public enum Kind {
            ASK, WAIT, SKIP
        }

        static Decision ask() {
            return new Decision(Kind.ASK, null, null);
        }

        static Decision waitUntil(Instant until) {
            return new Decision(Kind.WAIT, null, until);
        }

        static Decision skip(CsatSkipReason reason) {
            return new Decision(Kind.SKIP, reason, null);
        }
    }

    private final Settings settings;

    public CsatRule(Settings settings) {
        this.settings = settings;
    }

    public Decision decide(Facts facts, Instant now) {
        if (facts.status() != ConversationStatus.RESOLVED || facts.resolvedAt() == null) {
            return Decision.skip(CsatSkipReason.REOPENED);
        }
        Instant due = facts.resolvedAt().plus(settings.delay());
        if (due.isAfter(now)) {
            // Resolved again after this survey was scheduled: the delay runs from the latest resolution.
            return Decision.waitUntil(due);
        }
        if (facts.escalated()) {
            return Decision.skip(CsatSkipReason.ESCALATED);
        }
        Instant quietFrom = facts.resolvedAt().minus(settings.handOffQuiet());
        if (facts.lastHandOffAt().filter(at -> at.isAfter(quietFrom)).isPresent()) {
            return Decision.skip(CsatSkipReason.RECENT_HAND_OFF);
        }
        if (!facts.agentReplied()) {
            return Decision.skip(CsatSkipReason.NO_AGENT_REPLY);
        }
        // "At most once per period": asked exactly one period ago counts as outside it.
        Instant periodStart = now.minus(settings.period());
        if (facts.lastAskedAt().filter(at -> at.isAfter(periodStart)).isPresent()) {
            return Decision.skip(CsatSkipReason.ASKED_RECENTLY);
        }
        // The answer window from resolution: a question later than that would come out of the blue.
        if (now.isAfter(facts.resolvedAt().plus(settings.answerWindow()))) {
            return Decision.skip(CsatSkipReason.TOO_LATE);
        }
        return Decision.ask();
    }
}
