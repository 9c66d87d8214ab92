package dev.signet.care.promise;

import dev.signet.care.Conversation;
import dev.signet.security.AppUser;

/**
 * Checks, when a promise is made, that its scheduled update could be published as {@code agent}'s signed reply on
 * this conversation (length with the signature, X's reply rules), so that it is refused now rather than failing at
 * the promised time. Implemented by the reply feature, which owns those rules.
 */
public interface ScheduledUpdateCheck {

    /** Throws the reply's problem (e.g. {@code 422 reply-too-long}) if X would not take it. */
    void check(Conversation conversation, String text, AppUser agent);
}
