package dev.signet.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing that happened to a customer, as the feature that owns it contributes it to the timeline
 * ({@link TimelineContributor}): typed facts only — ids, stored enums, numbers, the words people wrote — never
 * display text. {@link TimelineText} writes every entry, once, for the page and the API.
 *
 * @param kind         what happened
 * @param at           when
 * @param ref          the id of the row it comes from (orders entries at the same instant: newest id first)
 * @param conversation the conversation it happened in; null for a note on the customer
 * @param userId       the agent or lead who did it (author of a reply or note, who changed the status, who handed
 *                     off, who promised, who recorded goodwill); null when nobody on the team did
 * @param text         what someone wrote: the message, the note, the hand-off's or goodwill's reason, the reason of an
 *                     escalation, the customer's CSAT comment; null when nothing was written
 * @param state        the stored state as its enum's name: the conversation's status (OPENED: now; STATUS: the new
 *                     one, ESCALATED/DEESCALATED: now), the promise's outcome, the goodwill's status, the survey's
 *                     status; null when none
 * @param detail       what only this kind of entry has; null when nothing more
 */
public record TimelineEntry(TimelineKind kind, Instant at, long ref, Conversation conversation, Long userId, String text,
        String state, Detail detail) {

    /**
     * Where a conversation entry happened.
     *
     * @param id         the conversation
     * @param identityId the customer's identity it is with (whose handle the timeline shows)
     * @param accountId  the brand account
     * @param channel    {@code PUBLIC} or {@code DM}
     */
    public record Conversation(long id, long identityId, long accountId, String channel) {
    }

    /** The facts only one kind of entry has. */
    public sealed interface Detail permits Message, HandOff, Escalation, Promise, Goodwill, Csat {
    }

    /** A message's direction: {@code IN} (the customer's) or {@code OUT} (ours). */
    public record Message(String direction) implements Detail {
    }

    /** A hand-off: to whom (by {@link TimelineEntry#userId()}). */
    public record HandOff(long toUserId) implements Detail {
    }

    /** Who escalated or de-escalated, as recorded (a lead's user name, or the rule). */
    public record Escalation(String actor) implements Detail {
    }

    /**
     * A promised update.
     *
     * @param dueLocal      the due time as the customer was told it (local to the brand account)
     * @param timeZone      the brand account's zone
     * @param updateWritten a scheduled update was written with the promise
     * @param settledHow    how a kept promise was kept ({@code SCHEDULED_UPDATE} or a reply); null otherwise
     */
    public record Promise(String dueLocal, String timeZone, boolean updateWritten, String settledHow) implements Detail {
    }

    /** A goodwill gesture's amount and currency (ISO 4217), and the lead who decided it, if any. */
    public record Goodwill(BigDecimal amount, String currency, Long decidedByUserId) implements Detail {
    }

    /**
     * A satisfaction survey.
     *
     * @param score      the customer's score (1–5), if any
     * @param skipReason why it was not asked, as its enum's name, if skipped
     * @param outcome    how the survey stands as care words it from what it stores ("Answered 4/5", "Skipped:
     *                   escalated conversation"): the one place that wording lives is care's survey
     */
    public record Csat(Integer score, String skipReason, String outcome) implements Detail {
    }
}
