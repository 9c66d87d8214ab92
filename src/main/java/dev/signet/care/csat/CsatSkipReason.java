package dev.signet.care.csat;

/** Why no satisfaction question went out after a resolution (shown to leads on the conversation and timeline). */
public enum CsatSkipReason {
    /** The conversation was reopened before the question was due. */
    REOPENED("reopened before the question was due"),
    /** Escalated to the leads: not a moment to ask how satisfied the customer is. */
    ESCALATED("escalated conversation"),
    /** Handed from one agent to another shortly before resolution. */
    RECENT_HAND_OFF("hand-off less than an hour before resolution"),
    /** Nobody on the team answered: there is no help to rate. */
    NO_AGENT_REPLY("no agent reply in the conversation"),
    /** The customer was asked already in the period (any brand account, any channel). */
    ASKED_RECENTLY("customer asked already in the period"),
    /** The question was due so long ago (e.g. the service was down) that asking now would be odd. */
    TOO_LATE("too late to ask"),
    /** The question could not be written: X would refuse it, too long, or nobody to sign it. */
    CANNOT_SEND("the question could not be sent"),
    /** CSAT was switched off when the question was due. */
    DISABLED("surveys switched off");

    private final String label;

    CsatSkipReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
