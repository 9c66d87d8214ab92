package dev.signet.reply;

import dev.signet.api.ProblemException;

/** A retry of a reply's publication that can't be done; nothing was changed. */
public class ReplyRetryException extends ProblemException {

    private ReplyRetryException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static ReplyRetryException notFound(long conversationId, long replyId) {
        return new ReplyRetryException(404, "reply-not-found", "Reply not found",
                "Conversation " + conversationId + " has no reply " + replyId + " of ours.");
    }

    static ReplyRetryException notFailed(DeliveryStatus status) {
        String now = switch (status) {
            case SENT -> "it is already published on X";
            case PENDING, PUBLISHING -> "Signet is still trying to publish it";
            case FAILED -> "it failed";
        };
        return new ReplyRetryException(409, "reply-not-failed", "Nothing to retry",
                "Only a failed reply can be retried; " + now + ".");
    }
}
