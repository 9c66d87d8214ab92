package dev.signet.sandbox;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A public post. {@code inReplyTo*} are set only when the post is threaded as a reply, as on X.
 * {@code mentionedHandles} are the users X recognised as mentioned, in text order.
 */
public record SandboxTweetView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long authorId,
        String authorHandle,
        String authorName,
        String text,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long inReplyToStatusId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long inReplyToUserId,
        String inReplyToHandle,
        List<String> mentionedHandles,
        Instant createdAt) {
}
