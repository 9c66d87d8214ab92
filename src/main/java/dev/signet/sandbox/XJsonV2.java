package dev.signet.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Writes X API v2's JSON shapes: ids as strings (they exceed 2^53), ISO-8601 {@code created_at} with
 * milliseconds, fields beyond the defaults only when asked for with {@code tweet.fields}, and errors as X's v2
 * problem ({@code title}, {@code detail}, {@code type}, {@code status}, {@code errors}).
 */
@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class XJsonV2 {

    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

    private final ObjectMapper mapper;

    public XJsonV2(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public static String createdAt(Instant instant) {
        return CREATED_AT.format(instant);
    }

    /** A user with X's default fields. */
    public ObjectNode user(SandboxUser user) {
        ObjectNode node = object();
        node.put("id", Long.toString(user.getId()));
        node.put("name", user.getName());
        node.put("username", user.getScreenName());
        return node;
    }

    /**
     * A post with the default fields ({@code id}, {@code text}, {@code edit_history_tweet_ids}) and those of
     * {@code fields} the sandbox knows; {@code author_id} also when the author is expanded.
     */
    public ObjectNode tweet(SandboxTweet tweet, Set<String> fields, boolean withAuthorId, long conversationId) {
        ObjectNode node = object();
        String id = Long.toString(tweet.getId());
        node.put("id", id);
        node.put("text", tweet.getText());
        node.putArray("edit_history_tweet_ids").add(id);
        if (withAuthorId || fields.contains("author_id")) {
            node.put("author_id", Long.toString(tweet.getAuthorId()));
        }
        if (fields.contains("created_at")) {
            node.put("created_at", createdAt(tweet.getCreatedAt()));
        }
        if (fields.contains("conversation_id")) {
            node.put("conversation_id", Long.toString(conversationId));
        }
        if (tweet.isReply() && fields.contains("in_reply_to_user_id")) {
            node.put("in_reply_to_user_id", Long.toString(tweet.getInReplyToUserId()));
        }
        if (tweet.isReply() && fields.contains("referenced_tweets")) {
            node.putArray("referenced_tweets").addObject()
                    .put("type", "replied_to")
                    .put("id", Long.toString(tweet.getInReplyToStatusId()));
        }
        return node;
    }

    /** A DM as a v2 {@code MessageCreate} event. */
    public ObjectNode directMessageEvent(SandboxDirectMessage message) {
        ObjectNode node = object();
        node.put("id", Long.toString(message.getId()));
        node.put("event_type", "MessageCreate");
        node.put("text", message.getText());
        node.put("sender_id", Long.toString(message.getSenderId()));
        node.put("dm_conversation_id", conversationId(message.getSenderId(), message.getRecipientId()));
        node.put("created_at", createdAt(message.getCreatedAt()));
        return node;
    }

    /** X names a one-to-one DM conversation by its two user ids, the lower first. */
    public static String conversationId(long oneUserId, long otherUserId) {
        return Math.min(oneUserId, otherUserId) + "-" + Math.max(oneUserId, otherUserId);
    }

    /** X's v2 error body for a refusal, with the v1.1 code kept in {@code errors} for clients that log it. */
    public ObjectNode problem(XApiException e) {
        ObjectNode node = object();
        switch (e.httpStatus()) {
            case 400 -> {
                node.put("title", "Invalid Request");
                node.put("type", PROBLEMS + "invalid-request");
                node.put("detail", "One or more parameters to your request was invalid.");
            }
            case 401 -> {
                node.put("title", "Unauthorized");
                node.put("type", "about:blank");
                node.put("detail", e.getMessage());
            }
            case 404 -> {
                node.put("title", "Not Found Error");
                node.put("type", PROBLEMS + "resource-not-found");
                node.put("detail", e.getMessage());
            }
            case 429 -> {
                node.put("title", "Too Many Requests");
                node.put("type", "about:blank");
                node.put("detail", "Too Many Requests");
            }
            case 500, 502, 503, 504 -> {
                node.put("title", "Service Unavailable");
                node.put("type", "about:blank");
                node.put("detail", e.getMessage());
            }
            default -> {
                node.put("title", "Forbidden");
                node.put("type", "about:blank");
                node.put("detail", e.getMessage());
            }
        }
        node.put("status", e.httpStatus());
        node.putArray("errors").addObject().put("code", e.code()).put("message", e.getMessage());
        return node;
    }
}
