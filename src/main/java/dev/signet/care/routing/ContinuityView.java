package dev.signet.care.routing;

import java.time.Instant;

import dev.signet.care.Conversation;

/**
 * Who handled the customer before this conversation started or reopened, and whether it is offered to them now:
 * "offered to ^MD until 14:05", or "handled before by ^MD" once the offer ran out (or was never made: the agent was
 * away).
 *
 * @param offered      whether the offer stands now (not run out, nobody holds the conversation)
 * @param offeredUntil until when it is offered (only when {@code offered})
 */
public record ContinuityView(String username, String initials, String name, boolean offered, Instant offeredUntil) {

    public static ContinuityView of(Conversation c, Instant now) {
        if (c.previousAgent() == null) {
            return null;
        }
        boolean offered = c.offeredTo(now).isPresent();
        return new ContinuityView(c.previousAgent().username(), c.previousAgent().initials(),
                c.previousAgent().displayName(), offered, offered ? c.offeredUntil() : null);
    }
}
