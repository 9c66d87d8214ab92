package dev.signet.care;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.signet.customer.LoyaltyTier;
import dev.signet.sentiment.Sentiment;

/**
 * The queue priority of a conversation, and why (docs/design.md, "Priority"): loyalty tier, repeat contact, a
 * negative latest message and an escalation give static points; waiting time on the customer's clock and a promised update due
 * give points that grow with time.
 * <p>
 * Time points grow at the same rate for every conversation ({@code perHourWaiting} points an hour), so the score
 * at any moment is {@code perHourWaiting × (now − queueKey)} with a fixed {@link #queueKey}: static points are
 * a head start in time. Ordering by that stored key (ascending, under an index) is exactly ordering by score,
 * with no periodic refresh; the key changes only when an input does (a message, a reply, a status, a score).
 */
public final class PriorityRule {

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    /** Points of each input; see {@link CareConfig.Priority}. */
    public record Weights(Map<String, Integer> tierPoints, int repeatContact, int negativeSentiment,
            int perHourWaiting, int promisedUpdateDue, int escalated) {

        public Weights {
            if (perHourWaiting < 1) {
                throw new IllegalArgumentException("perHourWaiting must be at least 1 point an hour");
            }
            Map<String, Integer> byKey = new HashMap<>();
            tierPoints.forEach((tier, points) -> {
                if (points < 0) {
                    throw new IllegalArgumentException("Tier points can't be negative: " + tier + "=" + points);
                }
                byKey.put(LoyaltyTier.parse(tier).name(), points);
            });
            tierPoints = Map.copyOf(byKey);
        }

        /** Without points for escalation. */
        public Weights(Map<String, Integer> tierPoints, int repeatContact, int negativeSentiment, int perHourWaiting,
                int promisedUpdateDue) {
            this(tierPoints, repeatContact, negativeSentiment, perHourWaiting, promisedUpdateDue, 0);
        }

        public static Weights of(CareConfig.Priority p) {
            return new Weights(p.tier(), p.repeatContact(), p.negativeSentiment(), p.perHourWaiting(),
                    p.promisedUpdateDue(), p.escalated());
        }
    }

    /**
     * What the priority is computed from.
     *
     * @param contactCount     1, plus one per new contact (reopening, or coming back after a quiet gap)
     * @param sentiment        the latest scored message's sentiment, or null
     * @param waitingSince     the customer's oldest unanswered message, or null when nobody waits on us
     * @param promisedUpdateAt when an update was promised to the customer, or null
     * @param escalated        whether the conversation is escalated to the leads
     * @param slaDue           the next service-level target and when it falls due, or null
     */
    public record Inputs(LoyaltyTier tier, int contactCount, Sentiment sentiment, Instant waitingSince,
            Instant promisedUpdateAt, boolean escalated, ServiceLevelClock.Due slaDue) {

        /** No service-level target due. */
        public Inputs(LoyaltyTier tier, int contactCount, Sentiment sentiment, Instant waitingSince,
                Instant promisedUpdateAt, boolean escalated) {
            this(tier, contactCount, sentiment, waitingSince, promisedUpdateAt, escalated, null);
        }

        /** Not escalated. */
        public Inputs(LoyaltyTier tier, int contactCount, Sentiment sentiment, Instant waitingSince,
                Instant promisedUpdateAt) {
            this(tier, contactCount, sentiment, waitingSince, promisedUpdateAt, false);
        }
    }

    /** One line of "why": e.g. {@code gold tier +30}. */
    public record Reason(String label, int points) {

        @Override
        public String toString() {
            return label + " +" + points;
        }
    }

    /** The score now and the reasons that add up to it, largest first. */
    public record Explained(int score, List<Reason> reasons) {
    }

    private final Weights weights;
    private final ServiceLevelClock serviceLevels;

    public PriorityRule(Weights weights) {
        this(weights, ServiceLevelClock.NONE);
    }

    /** With service levels: a target gets {@link ServiceLevelClock#points()} when due, growing like waiting time. */
    public PriorityRule(Weights weights, ServiceLevelClock serviceLevels) {
        this.weights = weights;
        this.serviceLevels = serviceLevels;
    }

    public ServiceLevelClock serviceLevels() {
        return serviceLevels;
    }

    /** When the next service-level target of a conversation falls due (null when none runs). */
    public ServiceLevelClock.Due slaDue(ServiceLevelClock.Facts facts) {
        return serviceLevels.next(facts);
    }

    public Weights weights() {
        return weights;
    }

    /** Points that do not change with time. */
    public int staticPoints(Inputs in) {
        return tierPoints(in.tier()) + repeatPoints(in.contactCount()) + sentimentPoints(in.sentiment())
                + escalationPoints(in.escalated());
    }

    /**
     * The order key: the moment from which the score grows at {@code perHourWaiting} points an hour. Earlier
     * means higher priority. Null when no time runs on our side (nobody waits on us, no promise): those come last.
     */
    public Instant queueKey(Inputs in) {
        int points = staticPoints(in);
        Instant key = null;
        if (in.waitingSince() != null) {
            key = in.waitingSince().minusMillis(headStart(points));
        }
        if (in.promisedUpdateAt() != null) {
            Instant promise = in.promisedUpdateAt().minusMillis(headStart(points + weights.promisedUpdateDue()));
            key = key == null || promise.isBefore(key) ? promise : key;
        }
        if (in.slaDue() != null) {
            Instant sla = in.slaDue().at().minusMillis(headStart(points + serviceLevels.points()));
            key = key == null || sla.isBefore(key) ? sla : key;
        }
        return key;
    }

    /** The score at {@code now} and why. */
    public Explained explain(Inputs in, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        int tier = tierPoints(in.tier());
        if (tier > 0) {
            reasons.add(new Reason(in.tier().label().toLowerCase(Locale.ROOT) + " tier", tier));
        }
        int repeat = repeatPoints(in.contactCount());
        if (repeat > 0) {
            int times = in.contactCount() - 1;
            reasons.add(new Reason(times == 1 ? "came back" : "came back " + times + " times", repeat));
        }
        int sentiment = sentimentPoints(in.sentiment());
        if (sentiment > 0) {
            reasons.add(new Reason("negative", sentiment));
        }
        int escalation = escalationPoints(in.escalated());
        if (escalation > 0) {
            reasons.add(new Reason("escalated", escalation));
        }
        double waiting = in.waitingSince() == null ? 0 : timePoints(in.waitingSince(), now);
        double promise = in.promisedUpdateAt() == null ? 0
                : weights.promisedUpdateDue() + timePoints(in.promisedUpdateAt(), now);
        double sla = in.slaDue() == null ? 0 : serviceLevels.points() + timePoints(in.slaDue().at(), now);
        // The largest of the running terms counts (the same max the order key encodes).
        if (sla > waiting && sla > promise && sla > 0) {
            String label = now.isBefore(in.slaDue().at())
                    ? in.slaDue().target() + " due in " + humanize(Duration.between(now, in.slaDue().at()))
                    : in.slaDue().target() + " breached " + humanize(Duration.between(in.slaDue().at(), now)) + " ago";
            reasons.add(new Reason(label, (int) Math.round(sla)));
        } else if (promise > waiting && promise > 0) {
            String label = now.isBefore(in.promisedUpdateAt())
                    ? "update due in " + humanize(Duration.between(now, in.promisedUpdateAt()))
                    : "promised update overdue " + humanize(Duration.between(in.promisedUpdateAt(), now));
            reasons.add(new Reason(label, (int) Math.round(promise)));
        } else if (waiting > 0) {
            reasons.add(new Reason("waiting " + humanize(Duration.between(in.waitingSince(), now)),
                    (int) Math.round(waiting)));
        }
        reasons.sort((a, b) -> Integer.compare(b.points(), a.points()));
        return new Explained(reasons.stream().mapToInt(Reason::points).sum(), List.copyOf(reasons));
    }

    private long headStart(int points) {
        return Math.round(points * MILLIS_PER_HOUR / weights.perHourWaiting());
    }

    private double timePoints(Instant since, Instant now) {
        return weights.perHourWaiting() * (now.toEpochMilli() - since.toEpochMilli()) / MILLIS_PER_HOUR;
    }

    private int tierPoints(LoyaltyTier tier) {
        return tier == null ? 0 : weights.tierPoints().getOrDefault(tier.name(), 0);
    }

    private int repeatPoints(int contactCount) {
        return Math.max(0, contactCount - 1) * weights.repeatContact();
    }

    private int escalationPoints(boolean escalated) {
        return escalated ? weights.escalated() : 0;
    }

    private int sentimentPoints(Sentiment sentiment) {
        return sentiment == Sentiment.NEGATIVE ? weights.negativeSentiment() : 0;
    }

    /** "12 min", "2 h", "2 h 5 min", "3 d 4 h". */
    public static String humanize(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }
}
