package dev.signet.care.goodwill;

/**
 * Where a goodwill gesture stands. Recorded within the agent's allowance it is {@link #GRANTED} at once; over it,
 * it waits for a lead ({@link #PENDING_APPROVAL}) who {@link #APPROVED approves} or {@link #DECLINED declines} it.
 */
public enum GoodwillStatus {

    GRANTED("granted"),
    PENDING_APPROVAL("waiting for a lead"),
    APPROVED("approved by a lead"),
    DECLINED("declined");

    private final String label;

    GoodwillStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Only gestures granted within the allowance use it up: an approved one was the lead's decision (shown apart
     * in the ledgers), and pending or declined ones gave nothing.
     */
    public boolean usesAllowance() {
        return this == GRANTED;
    }

    /** Given to the customer (granted or approved). */
    public boolean given() {
        return this == GRANTED || this == APPROVED;
    }

    public boolean pending() {
        return this == PENDING_APPROVAL;
    }
}
