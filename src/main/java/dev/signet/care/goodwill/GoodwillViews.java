package dev.signet.care.goodwill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the goodwill API and pages show: gestures, an agent's allowance, the ledgers. Records, never entities. */
public final class GoodwillViews {

    private GoodwillViews() {
    }

    /**
     * One gesture.
     *
     * @param decidedBy who decided: the agent themself for a gesture granted within their allowance, the lead
     *                  (or admin) for an approved or declined one, null while pending ("^LO" or a name)
     */
    public record Gesture(long id, long conversationId, String customer, String accountHandle, String agentUsername,
            String agentName, String agentInitials, BigDecimal amount, String currency, String amountText, String reason,
            GoodwillStatus status, String statusLabel, Instant at, String decidedBy, Instant decidedAt,
            String decisionNote) {
    }

    /** An agent's allowance in one period: how much, used (granted gestures only), left. */
    public record Allowance(String period, Instant periodStart, Instant periodEnd, String currency, BigDecimal allowance,
            BigDecimal used, BigDecimal remaining, String allowanceText, String usedText, String remainingText) {
    }

    /**
     * The team's figures for a period: granted within allowances, approved by leads, their sum, and what waits
     * or was declined. No names: every agent may see these.
     */
    public record TeamTotals(String currency, BigDecimal granted, String grantedText, BigDecimal approved,
            String approvedText, BigDecimal given, String givenText, long gestures, long pending, String pendingText,
            long declined) {
    }

    /** One agent's line of the team ledger (leads and admins), in name order: a ledger, not a ranking. */
    public record AgentRow(String username, String name, String initials, BigDecimal granted, String grantedText,
            BigDecimal approved, String approvedText, long pending, String pendingText, long declined,
            BigDecimal remaining, String remainingText) {
    }

    /**
     * An agent's own ledger for a period, with the team's totals.
     *
     * @param previous a day of the period before (ISO date, for paging back)
     * @param next     a day of the period after, or null when this is the current period
     */
    public record MyLedger(Allowance allowance, List<Gesture> gestures, TeamTotals team, String previous, String next) {
    }

    /** The team ledger for a period: one row per agent (also those who gave nothing) and the totals. */
    public record TeamLedger(String period, Instant periodStart, Instant periodEnd, List<AgentRow> agents,
            TeamTotals totals, String previous, String next) {
    }

    /**
     * Goodwill on one conversation page.
     *
     * @param mine the viewer's allowance this period, or null when the viewer does not record gestures (admins)
     */
    public record OnConversation(long conversationId, Allowance mine, List<Gesture> gestures,
            String maxAmountText) {
    }
}
