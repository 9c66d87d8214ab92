package dev.signet.sandbox;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What one customer sees on the fake X, newest first: their own tweets, tweets replying to them or mentioning
 * them (so the brands' public answers), and the DMs they sent or received.
 */
public record CustomerView(SandboxUserView customer, List<Item> items) {

    public enum Kind {
        TWEET, DIRECT_MESSAGE
    }

    /**
     * One line of the view. {@code recipientHandle} is set for DMs only; {@code byCustomer} tells the customer's
     * own posts from what others wrote to or about them.
     */
    public record Item(
            Kind kind,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            String authorHandle,
            String authorName,
            String recipientHandle,
            String text,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long inReplyToStatusId,
            Instant createdAt,
            boolean byCustomer) {

        public boolean isDirectMessage() {
            return kind == Kind.DIRECT_MESSAGE;
        }
    }
}
