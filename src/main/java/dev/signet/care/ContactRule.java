package dev.signet.care;

import java.time.Duration;
import java.time.Instant;

/**
 * What counts as a contact (issue #7, repeat-contact escalation). A contact is one time the customer turns to us
 * about a matter: the message that opens a conversation; a message that reopens a resolved one (within the reopen
 * window); or a message after the conversation was quiet — nothing from them nor from us — for at least the
 * contact gap ({@code signet.care.contact-gap}): they came back, e.g. the next day, to chase it. Messages of an
 * exchange going on (a burst of posts, an answer to our question) are the same contact. Counting from the last
 * message either way means the customer answering our reply at once is not "coming back", while chasing an
 * unanswered question after hours is.
 */
public final class ContactRule {

    private ContactRule() {
    }

    /**
     * @param resolved      whether the conversation was resolved when the message arrived
     * @param lastMessageAt the conversation's latest message before this one, either way
     * @param sentAt        when the customer wrote this message
     */
    public static Contact classify(boolean resolved, Instant lastMessageAt, Instant sentAt, Duration contactGap) {
        if (resolved) {
            return Contact.REOPENED;
        }
        // Out of order (a backfill): an older message is never a new contact.
        if (lastMessageAt != null && !Duration.between(lastMessageAt, sentAt).minus(contactGap).isNegative()) {
            return Contact.RETURNED;
        }
        return Contact.SAME;
    }
}
