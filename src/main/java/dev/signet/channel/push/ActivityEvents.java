package dev.signet.channel.push;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.signet.channel.Author;
import dev.signet.channel.InboundMessage;
import dev.signet.channel.MessageKind;
import dev.signet.channel.QuarantineReason;
import dev.signet.channel.QuarantinedItem;
import dev.signet.channel.Network;

/**
 * Reads an X Activity API envelope ({@code {"data":{"event_type","event_uuid","filter":{"user_id"},"tag","payload"},
 * "includes":{"users":[…]}}}, as the stream sends each line and the webhook each POST) into an {@link ActivityEvent}.
 * A DM's payload is X's v2 DM event, a post's is X's v2 post: the shapes polling reads, so a quarantined payload is
 * replayed by the account's connector like any other. Events of other types are returned without a message.
 */
final class ActivityEvents {

    static final Set<String> DIRECT_MESSAGES = Set.of("dm.received", "dm.sent");
    static final Set<String> POSTS = Set.of("post.mention.create", "post.reply.create");
    /** X's snowflake epoch: the time inside an id, when {@code created_at} is absent. */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;

    private ActivityEvents() {
    }

    /** The brand user id an envelope is for ({@code data.filter.user_id}), or null. */
    static String userId(JsonNode envelope) {
        return text(envelope.path("data").path("filter").path("user_id"));
    }

    /** Reads an envelope for the account {@code accountKey}. */
    static ActivityEvent read(String accountKey, JsonNode envelope) {
        JsonNode data = envelope.path("data");
        String type = text(data.path("event_type"));
        String uuid = text(data.path("event_uuid"));
        String userId = text(data.path("filter").path("user_id"));
        JsonNode payload = data.path("payload");
        if (type == null || !(DIRECT_MESSAGES.contains(type) || POSTS.contains(type))) {
            return new ActivityEvent(type, uuid, userId, null, null);
        }
        MessageKind kind = DIRECT_MESSAGES.contains(type) ? MessageKind.DIRECT_MESSAGE : MessageKind.MENTION;
        String id = text(payload.path("id"));
        if (id == null || !id.matches("[0-9]{1,19}")) {
            return quarantined(type, uuid, userId, accountKey, kind, null, QuarantineReason.MISSING_ID,
                    "a pushed " + type + " without a numeric id", payload);
        }
        String authorId = text(payload.path(kind == MessageKind.DIRECT_MESSAGE ? "sender_id" : "author_id"));
        if (authorId == null) {
            return quarantined(type, uuid, userId, accountKey, kind, id, QuarantineReason.MISSING_AUTHOR,
                    "a pushed " + type + " without its author", payload);
        }
        String body = payload.path("text").isTextual() ? payload.path("text").asText() : null;
        if (body == null) {
            return quarantined(type, uuid, userId, accountKey, kind, id, QuarantineReason.MISSING_TEXT,
                    "a pushed " + type + " without text", payload);
        }
        Instant sentAt;
        try {
            String createdAt = text(payload.path("created_at"));
            sentAt = createdAt != null ? Instant.parse(createdAt)
                    : Instant.ofEpochMilli((Long.parseLong(id) >>> 22) + SNOWFLAKE_EPOCH_MILLIS);
        } catch (DateTimeParseException e) {
            return quarantined(type, uuid, userId, accountKey, kind, id, QuarantineReason.BAD_DATE,
                    "created_at is not ISO-8601", payload);
        }
        Author author = author(authorId, envelope.path("includes").path("users"));
        InboundMessage message = kind == MessageKind.DIRECT_MESSAGE
                ? new InboundMessage(accountKey, Network.X, id, kind, author, recipient(payload, authorId), body, null,
                        sentAt)
                : new InboundMessage(accountKey, Network.X, id, kind, author, null, body, repliedTo(payload), sentAt,
                        false);
        return new ActivityEvent(type, uuid, userId, message, null);
    }

    private static ActivityEvent quarantined(String type, String uuid, String userId, String accountKey,
            MessageKind kind, String id, QuarantineReason reason, String detail, JsonNode payload) {
        return new ActivityEvent(type, uuid, userId, null,
                new QuarantinedItem(accountKey, QuarantinedItem.X_V2, kind, id, reason, detail, payload.toString()));
    }

    /** The author as X expanded them in {@code includes.users}; an unknown handle (null) otherwise, never the id. */
    private static Author author(String id, JsonNode users) {
        for (JsonNode user : users) {
            if (id.equals(text(user.path("id")))) {
                return new Author(id, text(user.path("username")), text(user.path("name")));
            }
        }
        return new Author(id, null, null);
    }

    /** A one-to-one conversation is "low-high": the recipient is the participant who did not send. */
    private static String recipient(JsonNode payload, String senderId) {
        String conversation = text(payload.path("dm_conversation_id"));
        if (conversation == null) {
            return null;
        }
        String[] participants = conversation.split("-");
        if (participants.length != 2) {
            return null;
        }
        return participants[0].equals(senderId) ? participants[1] : participants[0];
    }

    private static String repliedTo(JsonNode payload) {
        for (JsonNode referenced : payload.path("referenced_tweets")) {
            if ("replied_to".equals(text(referenced.path("type")))) {
                return text(referenced.path("id"));
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
