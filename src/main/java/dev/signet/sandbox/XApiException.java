package dev.signet.sandbox;

/**
 * A refusal as X states it: an HTTP status plus X's error code and message (X's body is
 * {@code {"errors":[{"code":…,"message":…}]}}). The v1.1 routes send it as X would; the JSON API and the
 * console translate it into a problem or a message on the page.
 */
public class XApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;

    XApiException(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    static XApiException invalidToken() {
        return new XApiException(401, 89, "Invalid or expired token.");
    }

    /** A request whose OAuth signature does not match: X's answer to a wrong secret or a badly signed request. */
    static XApiException couldNotAuthenticate() {
        return new XApiException(401, 32, "Could not authenticate you.");
    }

    /**
     * X's v2 refusal of a reply to a post whose author did not mention (or quote) the replying account: the
     * self-serve rule since 2026-02-23. The code is v1.1's for a restricted reply.
     */
    static XApiException replyNotAllowed() {
        return new XApiException(403, 433, "Reply to this conversation is not allowed because you have not been"
                + " mentioned or otherwise engaged by the author of the post you are replying to.");
    }

    /** A v2 resource (user, post) that does not exist. */
    static XApiException resourceNotFound(String message) {
        return new XApiException(404, 50, message);
    }

    static XApiException pageNotFound() {
        return new XApiException(404, 34, "Sorry, that page does not exist.");
    }

    static XApiException rateLimitExceeded() {
        return new XApiException(429, 88, "Rate limit exceeded");
    }

    static XApiException invalidParameter(String message) {
        return new XApiException(400, 44, message);
    }

    static XApiException missingParameter(String message) {
        return new XApiException(400, 38, message);
    }

    static XApiException missingStatus() {
        return new XApiException(403, 170, "Missing required parameter: status.");
    }

    static XApiException statusTooLong() {
        return new XApiException(403, 186, "Tweet needs to be a bit shorter.");
    }

    static XApiException duplicateStatus() {
        return new XApiException(403, 187, "Status is a duplicate.");
    }

    static XApiException noSuchStatus() {
        return new XApiException(404, 144, "No status found with that ID.");
    }

    static XApiException noSuchUser() {
        return new XApiException(404, 50, "User not found.");
    }

    static XApiException noSuchRecipient() {
        return new XApiException(404, 108, "Cannot find specified user.");
    }

    static XApiException noUserMatches() {
        return new XApiException(404, 17, "No user matches for specified terms.");
    }

    static XApiException emptyDirectMessage() {
        return new XApiException(403, 151, "There was an error sending your message: message text is empty.");
    }

    static XApiException directMessageTooLong() {
        return new XApiException(403, 354, "The text of your direct message is over the max character limit.");
    }

    static XApiException directMessageToSelf() {
        return new XApiException(403, 349, "You cannot send messages to this user.");
    }
}
