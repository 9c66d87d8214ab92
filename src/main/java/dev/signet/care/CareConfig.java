package dev.signet.care;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the live queue behaves: reopening, claim leases, promised updates and the priority weights. */
@ConfigMapping(prefix = "signet.care")
public interface CareConfig {

    /** A customer who writes again less than this after their conversation was resolved reopens it (a repeat contact). */
    @WithDefault("72h")
    Duration reopenWindow();

    /**
     * How long a claim holds a conversation for its agent. Renewed while the agent works on it (opening it,
     * typing, replying); once it runs out the conversation counts as free.
     */
    @WithDefault("10m")
    Duration claimLease();

    /**
     * A customer's message after their conversation was quiet (nothing either way) for at least this long is a new
     * contact about the matter (they came back); shorter gaps are the same contact. See {@link ContactRule}.
     */
    @WithDefault("2h")
    Duration contactGap();

    /**
     * A matter escalates to the leads when its contacts are more than this (default 2: the third contact
     * escalates). See {@code care.routing.EscalationRule}.
     */
    @WithDefault("2")
    int escalateAfterContacts();

    /**
     * How long a returning customer's new or reopened conversation is offered to the agent who handled them
     * before (while that agent is on shift); after that it is a normal queue item noting who handled it before.
     */
    @WithDefault("15m")
    Duration continuityWindow();

    /** An agent marked on shift counts as away once they have not been seen (a page opened, an action) this long. */
    @WithDefault("30m")
    Duration awayAfter();

    /**
     * How long before a promised update is due the queue raises the conversation (until then the promise does not
     * count in its order) and marks it "update due". Keep it under {@code promised-update-due} ÷
     * {@code per-hour-waiting} hours (4 h by default), or a raised promise is still worth no points.
     */
    @WithDefault("30m")
    Duration promiseLeadTime();

    /** The furthest ahead an agent may promise the customer an update. */
    @WithDefault("14d")
    Duration promiseMaxAhead();

    /**
     * How often promises are checked: raised into the queue when their lead time starts, announced to live pages
     * when they fall due, and scheduled updates published. {@code off} stops it (tests drive it by hand).
     */
    @WithDefault("15s")
    String promiseCheckInterval();

    /** The weights of the queue priority (points). */
    Priority priority();

    interface Priority {

        /**
         * Points for a customer's loyalty tier, by tier name as in {@code signet.customer.crm.tiers}
         * ({@code signet.care.priority.tier.gold=30}); a tier without an entry earns none. The defaults
         * (silver 10, gold 30, platinum 50) are set in application.properties.
         */
        Map<String, Integer> tier();

        /** Points for each time the customer came back to the same matter (reopened conversation). */
        @WithDefault("15")
        int repeatContact();

        /** Points when the customer's latest scored message is negative. */
        @WithDefault("25")
        int negativeSentiment();

        /** Points per hour the customer has been waiting on us (the score grows with the customer's clock). */
        @WithDefault("10")
        int perHourWaiting();

        /** Points for a promised update that is due; it grows like waiting time once overdue. */
        @WithDefault("40")
        int promisedUpdateDue();

        /** Points for a conversation escalated to the leads. */
        @WithDefault("40")
        int escalated();
    }
}
