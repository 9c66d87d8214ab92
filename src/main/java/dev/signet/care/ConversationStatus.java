package dev.signet.care;

/**
 * Where a conversation stands. The transitions are the methods of {@link Conversation}; every status but
 * {@link #RESOLVED} keeps the conversation in the queue.
 */
public enum ConversationStatus {
    /** The customer wrote; nobody has answered yet. */
    NEW,
    /** The customer wrote again after an answer, or it was reopened. */
    OPEN,
    /** An agent answered; the next move is the customer's. */
    WAITING_ON_CUSTOMER,
    /** The team owes the customer something (background work). */
    WAITING_ON_US,
    /** Done. A new contact reopens it. */
    RESOLVED;

    /** The status after the customer writes. */
    ConversationStatus afterCustomerMessage() {
        return this == NEW ? NEW : OPEN;
    }

    public String label() {
        return switch (this) {
            case NEW -> "New";
            case OPEN -> "Open";
            case WAITING_ON_CUSTOMER -> "Waiting on customer";
            case WAITING_ON_US -> "Waiting on us";
            case RESOLVED -> "Resolved";
        };
    }
}
