package dev.signet.care.routing;

/**
 * When a matter goes to the leads (docs/design.md, "Escalation"): when its contacts — summed over the conversations an
 * agent linked as the same matter — are more than {@code signet.care.escalate-after-contacts} (default 2, so the
 * third contact escalates). Only a new contact (or a new link) escalates, so a lead's de-escalation holds until
 * the customer comes back once more.
 */
record EscalationRule(int escalateAfterContacts) {

    public EscalationRule {
        if (escalateAfterContacts < 1) {
            throw new IllegalArgumentException("escalate-after-contacts must be at least 1");
        }
    }

    /** Whether a matter with {@code contacts} contacts goes to the leads. */
    public boolean escalates(int contacts) {
        return contacts > escalateAfterContacts;
    }

    /** The audit line: e.g. "3rd contact about the same matter (more than 2)". */
    public String reason(int contacts) {
        return ordinal(contacts) + " contact about the same matter (more than " + escalateAfterContacts + ")";
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
