package dev.signet.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one brand account's million messages that {@link InsightsBench} and {@link SlaInsightsBench} stand on, as SQL
 * expressions over a {@code generate_series} index: 250,000 conversations of 4 customer messages spread evenly over
 * the 90 days before {@code now}, one in five still open, the others resolved 5 min to ~2 days after their first
 * message. Both benches seed from these, so the insights and the service levels measure the same traffic.
 */
final class MillionMessages {

    static final int MESSAGES = 1_000_000;
    static final int PER_CONVERSATION = 4;
    static final int CONVERSATIONS = MESSAGES / PER_CONVERSATION;
    static final int DAYS = 90;

    private final Instant from;

    MillionMessages(Instant now) {
        this.from = now.minus(DAYS, ChronoUnit.DAYS);
    }

    Instant from() {
        return from;
    }

    /** When conversation {@code g} (1 … {@link #CONVERSATIONS}) began. */
    String conversationStart(String g) {
        return spread(g, CONVERSATIONS);
    }

    /** When message {@code g} (1 … {@link #MESSAGES}) was sent (message g is in conversation (g - 1) / 4 + 1). */
    String messageSentAt(String g) {
        return spread(g, MESSAGES);
    }

    /** Whether conversation {@code g} is still open. */
    static String open(String g) {
        return "(" + g + ") % 5 = 0";
    }

    /** How many minutes after its start conversation {@code g} was resolved (when not open). */
    static String minutesToResolve(String g) {
        return "((" + g + ") * 7919 % 3000 + 5)";
    }

    private String spread(String g, long count) {
        long seconds = DAYS * 24L * 3600;
        return "(timestamptz '" + from + "' + ((" + g + ") * " + seconds + "::bigint / " + count + ") * interval '1 second')";
    }
}
