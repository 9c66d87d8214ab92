package dev.signet.api;

/**
 * A failure the caller can understand and act on. Features extend it with their own named exceptions
 * ({@code ConversationNotFoundException}, {@code ReplyRejectedException}); {@link ProblemMappers} turns it
 * into an RFC 9457 problem for the API and into a readable page for the browser.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code reply-too-long}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
