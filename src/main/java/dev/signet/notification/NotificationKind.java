package dev.signet.notification;

/** Why a user is told something. */
public enum NotificationKind {
    /** A conversation was escalated to the leads (repeat contact). */
    ESCALATION,
    /** A colleague mentioned the user (@initials) in an internal note. */
    MENTION,
    /** A returning customer's new message is offered to the agent who handled them before. */
    CONTINUITY,
    /** Anything else worth a line (approvals, promised updates due). */
    OTHER
}
