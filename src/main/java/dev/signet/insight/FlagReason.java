package dev.signet.insight;

/** Why a message is flagged for the brand manager. */
public enum FlagReason {
    /** The sentiment model scored it negative with high confidence. */
    NEGATIVE,
    /** An agent flagged it as feedback on the product or market (comes with the care features of issue #7). */
    MARKET_FEEDBACK
}
