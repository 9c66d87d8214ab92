package dev.signet.sla;

/** The three service-level targets. */
public enum SlaTarget {
    /** From the customer's first message to our first response. */
    FIRST_RESPONSE("first response"),
    /** From a customer's message that waits on us (after we had answered) to our next response. */
    NEXT_RESPONSE("next response"),
    /** From the first message to resolution, on the customer's clock across reopenings. */
    RESOLUTION("resolution");

    private final String label;

    SlaTarget(String label) {
        this.label = label;
    }

    /** "first response", "next response", "resolution". */
    public String label() {
        return label;
    }
}
