package dev.signet.care;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the live queue behaves: reopening, claim leases and the priority weights. */
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

    /** The weights of the queue priority (points). */
    Priority priority();

    interface Priority {

        /**
         * Points for a customer's loyalty tier, by tier name as in {@code signet.crm.tiers}
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
    }
}
