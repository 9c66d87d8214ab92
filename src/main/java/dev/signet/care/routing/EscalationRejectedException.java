package dev.signet.care.routing;

import dev.signet.api.ProblemException;

/** A same-matter link or a de-escalation that can't be done as asked; nothing was changed. */
public final class EscalationRejectedException extends ProblemException {

    private EscalationRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    /** No earlier conversation named for a same-matter link (the API and the conversation page both ask this). */
    public static EscalationRejectedException matterRequired() {
        return new EscalationRejectedException(400, "matter-required", "Say which conversation",
                "Give the number of the earlier conversation about the same matter.");
    }

    static EscalationRejectedException linkedToItself() {
        return new EscalationRejectedException(400, "same-matter-self", "Not itself",
                "A conversation can't be linked to itself: give the number of an earlier conversation.");
    }

    static EscalationRejectedException otherCustomer(long earlierId) {
        return new EscalationRejectedException(422, "same-matter-other-customer", "Another customer's conversation",
                "Conversation " + earlierId + " is with another customer: only a customer's own conversations can "
                        + "be the same matter.");
    }

    static EscalationRejectedException leadsOnly() {
        return new EscalationRejectedException(403, "leads-only", "Leads only",
                "Only a lead can take an escalation back.");
    }

    static EscalationRejectedException reasonRequired() {
        return new EscalationRejectedException(400, "deescalation-needs-reason", "Say why",
                "Taking an escalation back is audited: write a reason.");
    }

    static EscalationRejectedException reasonTooLong() {
        return new EscalationRejectedException(400, "reason-too-long", "Reason too long",
                "Keep the reason under 500 characters.");
    }

    static EscalationRejectedException notEscalated(long id) {
        return new EscalationRejectedException(409, "not-escalated", "Not escalated",
                "Conversation " + id + " is not escalated.");
    }
}
