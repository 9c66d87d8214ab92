package dev.signet.care;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.signet.api.ProblemException;
import dev.signet.security.AppUser;

/** Another agent holds the conversation (their claim has not run out): nothing was changed or sent. */
public class ConversationHeldException extends ProblemException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public ConversationHeldException(long conversationId, AppUser holder, Instant until, String action) {
        super(409, "conversation-held", "Held by another agent",
                "Conversation " + conversationId + " is held by ^" + holder.initials() + " (" + holder.displayName()
                        + ") until " + TIME.format(until) + " UTC, so you can't " + action
                        + ". Ask them to hand it over, or wait until their claim runs out.");
    }
}
