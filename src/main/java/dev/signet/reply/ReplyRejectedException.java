package dev.signet.reply;

import java.util.List;

import dev.signet.api.ProblemException;

/** A reply that can't be sent as it is; nothing was stored or published. */
public class ReplyRejectedException extends ProblemException {

    public ReplyRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static ReplyRejectedException empty() {
        return new ReplyRejectedException(400, "empty-reply", "Empty reply", "Write something before sending: the reply is empty.");
    }

    static ReplyRejectedException tooLong(int length, int limit) {
        return new ReplyRejectedException(422, "reply-too-long", "Reply too long",
                "The reply is " + length + " characters with your signature; X allows " + limit + ". Shorten it by "
                        + (length - limit) + ".");
    }

    static ReplyRejectedException unfilled(List<String> unfilled) {
        return new ReplyRejectedException(422, "reply-unfilled", "Fill in the canned reply",
                "The reply still holds " + String.join(", ", unfilled) + ": replace "
                        + (unfilled.size() > 1 ? "them" : "it") + " with the right value before sending.");
    }

    static ReplyRejectedException noInitials() {
        return new ReplyRejectedException(403, "no-signature", "You can't sign replies",
                "Replies are signed with the agent's initials; your account has none or your role does not answer"
                        + " customers. An admin can set your initials.");
    }

    static ReplyRejectedException needsMention(String brandHandle) {
        return new ReplyRejectedException(422, "reply-needs-mention", "Public reply not allowed by X",
                "The customer's post does not mention @" + brandHandle + ", and X lets this account (API v2) reply"
                        + " publicly only to posts that mention or quote it. Answer by DM instead.");
    }

    static ReplyRejectedException nothingToAnswer() {
        return new ReplyRejectedException(409, "nothing-to-answer", "Nothing to answer",
                "This public conversation has no customer post on X to reply to.");
    }

    static ReplyRejectedException keyReused() {
        return new ReplyRejectedException(422, "idempotency-key-reused", "Idempotency-Key used for another reply",
                "A reply was stored under this Idempotency-Key for another conversation, agent or text: send a new"
                        + " key (a random UUID) for each new reply, and the same key only to repeat the same request.");
    }

    static ReplyRejectedException keyInvalid() {
        return new ReplyRejectedException(400, "idempotency-key-invalid", "Invalid Idempotency-Key",
                "The Idempotency-Key header must be 1 to 100 visible ASCII characters, e.g. a random UUID.");
    }

    static ReplyRejectedException badTarget(String inReplyTo) {
        return new ReplyRejectedException(422, "reply-target-invalid", "Not a customer post of this conversation",
                "inReplyTo must name a customer post of this conversation, by its message id or its X id"
                        + (inReplyTo.length() <= 40 ? "; " + inReplyTo + " is none." : "."));
    }
}
