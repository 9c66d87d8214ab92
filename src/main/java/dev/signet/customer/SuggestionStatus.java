package dev.signet.customer;

/** Where a link suggestion stands. */
public enum SuggestionStatus {
    PENDING, CONFIRMED, REJECTED, SUPERSEDED
}
