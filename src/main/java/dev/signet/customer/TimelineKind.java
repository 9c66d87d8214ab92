package dev.signet.customer;

/** What a timeline entry records; its name is what the timeline API's {@code type} says. */
public enum TimelineKind {
    /** A message, public or DM, in or out. */
    MESSAGE,
    /** A conversation opened (its first message). */
    OPENED,
    /** A status change an agent made by hand, or a reopening by the customer's new message (no agent). */
    STATUS,
    /** A conversation handed from one agent to another. */
    HANDOFF,
    /** A conversation escalated to the leads. */
    ESCALATED,
    /** A lead took an escalation back. */
    DEESCALATED,
    /** An internal note on one of the customer's conversations. */
    CONVERSATION_NOTE,
    /** An internal note on the customer. */
    NOTE,
    /** An update promised to the customer. */
    PROMISE,
    /** A promised update kept, broken or withdrawn. */
    PROMISE_SETTLED,
    /** A goodwill gesture recorded. */
    GOODWILL,
    /** A satisfaction survey asked, answered or skipped. */
    CSAT
}
