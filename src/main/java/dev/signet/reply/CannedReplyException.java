package dev.signet.reply;

import java.util.List;

import dev.signet.api.ProblemException;

/** A canned reply that can't be saved or used as asked; nothing was changed. */
public class CannedReplyException extends ProblemException {

    public CannedReplyException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static CannedReplyException invalid(String field, String detail) {
        return new CannedReplyException(400, "invalid-canned-reply", "Invalid canned reply (" + field + ")", detail);
    }

    static CannedReplyException unknownVariables(List<String> unknown) {
        return new CannedReplyException(422, "canned-unknown-variable", "Unknown variable",
                "Unknown variable" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown.stream().map(v -> "{" + v + "}").toList())
                        + ". Known variables: " + CannedTemplate.KNOWN + ".");
    }

    static CannedReplyException tooLong(int length, int limit) {
        return new CannedReplyException(422, "canned-too-long", "Canned reply too long",
                "Without its variables and with a signature the text is already " + length + " characters; a public"
                        + " reply allows " + limit + ". Shorten it, or make it a DM-only reply.");
    }

    static CannedReplyException titleTaken(String title) {
        return new CannedReplyException(409, "canned-title-taken", "Title already used",
                "A canned reply titled '" + title + "' already exists for this account (or for every account). Choose"
                        + " another title or edit that one.");
    }

    static CannedReplyException notFound(long id) {
        return new CannedReplyException(404, "canned-reply-not-found", "Canned reply not found",
                "There is no canned reply " + id + ".");
    }

    static CannedReplyException notForConversation(String title) {
        return new CannedReplyException(422, "canned-not-for-conversation", "Not for this conversation",
                "The canned reply '" + title + "' is meant for another account or kind of conversation.");
    }
}
