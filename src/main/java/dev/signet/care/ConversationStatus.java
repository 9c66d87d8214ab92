package dev.signet.care;

/**
 * Where a conversation stands, as a small state machine: the customer's messages and the agents' replies move it
 * ({@link #afterCustomerMessage}, {@link #afterAgentReply}), and agents move it by hand only along
 * {@link #agentMayChangeTo}. Every status but {@link #RESOLVED} keeps the conversation in the queue.
 */
public enum ConversationStatus {
    /** The customer wrote; nobody has answered yet. */
    NEW,
    /** The customer wrote again after an answer, or it was reopened. */
    OPEN,
    /** An agent answered; the next move is the customer's. */
    WAITING_ON_CUSTOMER,
    /** The team owes the customer something (background work) and promised an update by a time; the customer's clock keeps running. */
    WAITING_ON_US,
    /** Done. A new contact within the reopen window reopens it. */
    RESOLVED;

    /** The status after the customer writes: a resolved conversation is reopened. */
    public ConversationStatus afterCustomerMessage() {
        return this == NEW ? NEW : OPEN;
    }

    /** The status after an agent's reply: the customer's move. */
    public ConversationStatus afterAgentReply() {
        return WAITING_ON_CUSTOMER;
    }

    /**
     * Whether an agent may move a conversation from this status to {@code target} by hand: never to
     * {@link #NEW} (only a first message makes a conversation new) nor to the same status; a resolved
     * conversation can only be reopened.
     */
    public boolean agentMayChangeTo(ConversationStatus target) {
        if (target == null || target == this || target == NEW) {
            return false;
        }
        return this != RESOLVED || target == OPEN;
    }

    /**
     * Whether an agent may set waiting on us (with a promised update) from this status: along
     * {@link #agentMayChangeTo}, or again while waiting on us once no promise is pending (after a scheduled update
     * went out, the next one is promised).
     */
    public boolean agentMayWaitOnUs(boolean promisePending) {
        return agentMayChangeTo(WAITING_ON_US) || this == WAITING_ON_US && !promisePending;
    }

    public boolean open() {
        return this != RESOLVED;
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
